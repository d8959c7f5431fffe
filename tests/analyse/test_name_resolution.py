"""Name resolution inside one module (migrate/analyse/names.py), through analyse_source.

Which function a call reaches decides what becomes async: each test names a
way code refers to a blocking call and checks the qualified name it resolves to.
"""

from __future__ import annotations

import textwrap

import pytest

from migrate.analyse.facts import analyse_source
from migrate.analyse.model import RETURNS_SUFFIX, ModuleFacts
from migrate.analyse.names import dotted, expr_text, resolve_relative


def facts_of(source: str, module: str = "pkg.mod", is_package: bool = False) -> ModuleFacts:
    path = module.replace(".", "/") + ("/__init__.py" if is_package else ".py")
    return analyse_source(textwrap.dedent(source), module, path, is_package)


def targets(source: str, function: str, module: str = "pkg.mod") -> dict[str, str | None]:
    """Callee text -> resolved target, for the calls in ``function``."""
    facts = facts_of(source, module)
    return {call.text: call.target for call in facts.functions[f"{module}.{function}"].calls}


@pytest.mark.parametrize(
    ("module", "is_package", "level", "target", "absolute"),
    [
        ("pkg.sub.mod", False, 1, "util", "pkg.sub.util"),
        ("pkg.sub.mod", False, 2, "util", "pkg.util"),
        ("pkg.sub.mod", False, 1, None, "pkg.sub"),
        ("pkg.sub", True, 1, "util", "pkg.sub.util"),
        ("pkg.sub", True, 2, None, "pkg"),
        ("mod", False, 1, "util", "util"),
    ],
)
def test_resolve_relative(
    module: str, is_package: bool, level: int, target: str | None, absolute: str
) -> None:
    assert resolve_relative(module, is_package, level, target) == absolute


def test_dotted_and_expr_text() -> None:
    import ast

    assert dotted(ast.parse("a.b.c", mode="eval").body) == ["a", "b", "c"]
    assert dotted(ast.parse("a().b", mode="eval").body) is None
    assert expr_text(ast.parse("self.http.get", mode="eval").body) == "self.http.get"
    assert expr_text(ast.parse("make().get", mode="eval").body) == "make().get"
    assert expr_text(ast.parse("make()", mode="eval").body) == "make()"
    assert expr_text(ast.parse("items[0]", mode="eval").body) == "subscript"


def test_imports_aliases_and_relative_imports() -> None:
    found = targets(
        """
        import requests as r
        import os.path
        from requests import get as fetch
        from ..util import helper
        from . import sibling
        from shapes import *

        def f(u):
            r.get(u)
            fetch(u)
            helper(u)
            sibling.thing(u)
            os.path.exists(u)
            circle(u)
        """,
        "f",
        module="pkg.sub.mod",
    )
    assert found == {
        "r.get": "requests.get",
        "fetch": "requests.get",
        "helper": "pkg.util.helper",
        "sibling.thing": "pkg.sub.sibling.thing",
        "os.path.exists": "os.path.exists",
        # Bound nowhere here: the star import may give it, and the graph follows it.
        "circle": "pkg.sub.mod.circle",
    }


def test_module_globals_holding_blocking_objects() -> None:
    facts = facts_of(
        """
        import httpx
        import requests
        import sqlite3
        from requests import Session

        session = Session()
        client: httpx.Client = httpx.Client()
        db = sqlite3.connect("app.db")
        count = len([])
        a = b = requests.Session()

        def f(u):
            session.post(u)
            client.get(u)
            db.execute(u)
        """
    )
    assert facts.typed_names == {
        "session": "requests.Session",
        "client": "httpx.Client",
        "db": "sqlite3.Connection",
    }
    calls = {c.text: c.target for c in facts.functions["pkg.mod.f"].calls}
    assert calls == {
        "session.post": "requests.Session.post",
        "client.get": "httpx.Client.get",
        "db.execute": "sqlite3.Connection.execute",
    }


def test_attributes_of_self_by_class_body_init_and_annotated_parameters() -> None:
    found = facts_of(
        """
        import requests

        class Api:
            def fetch(self):
                return 1

        class Service:
            shared = requests.Session()
            typed: Api

            def __init__(self, api: Api, plain):
                self.http = requests.Session()
                self.api = api
                self.plain = plain
                self.other: "Api" = make()

            def run(self, u):
                self.http.get(u)
                self.shared.get(u)
                self.api.fetch()
                self.typed.fetch()
                self.other.fetch()
                self.plain.fetch()
                self.helper()

            def helper(self):
                pass
        """
    )
    calls = {c.text: c.target for c in found.functions["pkg.mod.Service.run"].calls}
    assert calls == {
        "self.http.get": "requests.Session.get",
        "self.shared.get": "requests.Session.get",
        "self.api.fetch": "pkg.mod.Api.fetch",
        "self.typed.fetch": "pkg.mod.Api.fetch",
        "self.other.fetch": "pkg.mod.Api.fetch",
        # Not a type we know: the graph goes on from the class attribute.
        "self.plain.fetch": "pkg.mod.Service.plain.fetch",
        "self.helper": "pkg.mod.Service.helper",
    }


def test_a_parameter_shadows_a_global_and_a_local_instance_has_its_type() -> None:
    found = targets(
        """
        import requests

        session = requests.Session()

        def f(session, u):
            session.get(u)
            local = requests.Session()
            local.get(u)
            requests.Session().get(u)
        """,
        "f",
    )
    assert found["session.get"] is None
    assert found["local.get"] == "requests.Session.get"
    assert found["requests.Session().get"] == "requests.Session.get"


def test_an_instance_made_without_init_has_its_class() -> None:
    # Tests make objects by __new__ to skip a constructor that would log in.
    found = targets(
        """
        class Api:
            def fetch(self):
                pass

        class Other:
            pass

        def f():
            api = Api.__new__(Api)
            api.fetch()
            bare = object.__new__(Api)
            bare.fetch()
            odd = Api.__new__(Other)
            odd.fetch()
        """,
        "f",
    )
    assert found["api.fetch"] == "pkg.mod.Api.fetch"
    assert found["bare.fetch"] == "pkg.mod.Api.fetch"
    assert found["odd.fetch"] is None  # not plainly one or the other


@pytest.mark.parametrize(
    ("written", "target"),
    [
        ("cast(Album, found)", "pkg.mod.Album.upload"),
        ('cast("Album", found)', "pkg.mod.Album.upload"),
        ("typing.cast(Album, found)", "pkg.mod.Album.upload"),
        ("cast(int, found)", None),
    ],
)
def test_a_cast_value_has_the_type_it_is_cast_to(written: str, target: str | None) -> None:
    source = f"""
        import typing
        from typing import cast

        class Album:
            def upload(self):
                pass

        def f(found):
            {written}.upload()
    """
    found = targets(source, "f")
    assert found[written.partition("(")[0] + "().upload"] == target


def test_annotated_parameters_name_their_type() -> None:
    found = targets(
        """
        import httpx
        import requests

        def f(s: requests.Session, c: "httpx.Client", n: int, bad: "not valid(", u):
            s.get(u)
            c.get(u)
            n.bit_length()
            bad.get(u)
        """,
        "f",
    )
    assert found["s.get"] == "requests.Session.get"
    assert found["c.get"] == "httpx.Client.get"
    assert found["n.bit_length"] is None
    assert found["bad.get"] is None


def test_factories_give_their_type_to_callers() -> None:
    facts = facts_of(
        """
        import sqlite3
        import pytest

        class Api:
            def fetch(self):
                return 1

        def annotated() -> Api:
            ...

        def made():
            return Api()

        def either(flag):
            if flag:
                return Api()
            return None

        def connection():
            return sqlite3.connect("x")

        @pytest.fixture
        def api():
            return Api()

        @pytest.fixture
        def closed_after():
            with Api() as client:
                yield client

        @pytest.fixture
        def fetched(monkeypatch):
            def fake_fetch(self):
                return 2  # the fake's return is not the fixture's

            monkeypatch.setattr(Api, "fetch", fake_fetch)
            api = Api()
            return api.fetch()

        def use():
            annotated().fetch()
            x = made()
            x.fetch()
            either(1).fetch()
        """
    )
    assert facts.return_types == {
        "annotated": "pkg.mod.Api",
        "made": "pkg.mod.Api",
        "api": "pkg.mod.Api",
        "closed_after": "pkg.mod.Api",
        # What the method gives, known once the graph is: ``api.fetch()`` on a local.
        "fetched": "pkg.mod.Api.fetch" + RETURNS_SUFFIX,
        # Bound to the thread that opened it: its callers' uses are followed.
        "connection": "sqlite3.Connection",
    }
    assert facts.fixture_types == {
        "api": "pkg.mod.Api",
        "closed_after": "pkg.mod.Api",
        "fetched": "pkg.mod.Api.fetch" + RETURNS_SUFFIX,
    }
    calls = {c.text: c.target for c in facts.functions["pkg.mod.use"].calls}
    assert calls["annotated().fetch"] == "pkg.mod.Api.fetch"
    assert calls["x.fetch"] == "pkg.mod.Api.fetch"
    assert calls["either().fetch"] is None


def test_builtins_module_definitions_and_unknown_names() -> None:
    found = targets(
        """
        def open(path):
            return path

        def f(u):
            len(u)
            open(u)
            undefined(u)
        """,
        "f",
    )
    # ``len(u)`` also runs ``u.__len__``: typed by what callers hand ``u``, if anything.
    assert found == {
        "len": "builtins.len",
        "u.__len__": None,
        "open": "pkg.mod.open",
        "undefined": None,
    }


def test_super_init_is_the_first_base_initialiser() -> None:
    found = targets(
        """
        from requests import Session

        class Client(Session):
            def __init__(self):
                super().__init__()
        """,
        "Client.__init__",
    )
    assert found["super().__init__"] == "requests.Session.__init__"


def test_a_function_handed_to_a_bridge_is_a_reference_to_it() -> None:
    facts = facts_of(
        """
        from asgiref.sync import async_to_sync

        async def load(u):
            return u

        def f(u):
            async_to_sync(load)(u)
        """
    )
    refs = {(r.text, r.target, r.receiver) for r in facts.functions["pkg.mod.f"].refs}
    assert ("load", "pkg.mod.load", "asgiref.sync.async_to_sync") in refs


LISTING = """
class Page:
    pass


class Listing:
    def fetch(self):
        pass

    def get(self, name):
        cls = {14: Page}.get(name, Page)
        return cls(name)

    @classmethod
    def make(cls):
        return cls()

    def again(self):
        return self.fetch()
"""


def test_self_and_cls_are_the_class_only_as_a_methods_first_parameter() -> None:
    # A local named cls holds some class (here maybe Page): not Listing.
    assert targets(LISTING, "Listing.get")["cls"] is None
    assert targets(LISTING, "Listing.make") == {"cls": "pkg.mod.Listing"}
    assert targets(LISTING, "Listing.again") == {"self.fetch": "pkg.mod.Listing.fetch"}


def test_fallback_imports_do_not_hide_the_ones_that_run() -> None:
    # ``except ImportError:`` imports run only where the first ones fail (Python 2,
    # a backport not installed): the standard module is what Python 3 runs.
    source = """
        try:
            import urllib.request as urllib
            from urllib.parse import urlencode
        except ImportError:
            import urllib2 as urllib
            from urllib import urlencode

        try:
            import simplejson as json
        except (ImportError, ModuleNotFoundError):
            import json

        try:
            import unittest2 as unittest
        except ImportError:
            import unittest

        def fetch(url):
            unittest.main()
            return json.loads(urllib.urlopen(url + urlencode({})).read())
    """
    found = targets(source, "fetch")
    assert found["urllib.urlopen"] == "urllib.request.urlopen"
    assert found["urlencode"] == "urllib.parse.urlencode"
    # A backport (unittest2, simplejson) is no reason to doubt the standard module.
    assert found["json.loads"] == "json.loads"
    assert found["unittest.main"] == "unittest.main"
