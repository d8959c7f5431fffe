"""Calls the analysis cannot resolve, on names that hold only plain values
(a dict literal, ``dict(...)``, a ``dict``-annotated parameter, ``os.environ``,
a parsed body ``resp.json()`` and its items, ``**kwargs``, ``self.__dict__`` and
its items, the mappings HTTP libraries hold such as a response's ``headers`` and
``links``, pytest's own fixtures such as ``monkeypatch``):
no project method runs there, so the plan asks no review of them; it still
does where the receiver is genuinely unknown."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """
    import os
    from typing import Dict, Optional

    import requests

    SETTINGS = {"timeout": 5}


    class Api:
        def __init__(self):
            self.session = requests.Session()

        def get(self, key):
            return self.session.get(f"http://x/{key}").json()

        def update(self, key, value):
            self.session.put(f"http://x/{key}", json=value)

        def __enter__(self):
            self.get("login")
            return self

        def __exit__(self, *exc):
            self.update("logout", {})


    def lookup(d: dict, key, opts: Optional[Dict[str, str]] = None):
        names = {"a": 1}
        made = dict(a=1)
        env = os.environ
        conf = {}
        conf.update(names)
        return d.get(key), names.get(key), made.get(key), opts.get(key), env.get(key), conf.get(key)


    def timeout():
        return SETTINGS.get("timeout")


    def rebound(key, source):
        found = {}
        found = source()
        return found.get(key)


    def fetch(api, key):
        return api.get(key)


    def body(key, send):
        payload = send("http://x/").json()
        items = send("http://x/items").json()["items"]
        return payload.get(key), items.get(key)


    def options(key, **kwargs):
        return kwargs.get(key)


    class Record:
        def __init__(self, api: Api, attrs):
            self.api = api
            self.__dict__.update(attrs)
            self.__dict__["_attrs"] = dict(attrs)

        def attr(self, name):
            return self.__dict__["_attrs"].get(name)

        def page(self, key):
            r = self.api.session.get(f"http://x/{key}")
            return r.headers.get("X-Total"), r.links.get("next", {}).get("url")
"""

TEST = """
    from pkg.client import Api


    def test_env(monkeypatch, capsys, key):
        with monkeypatch.context() as patched:
            patched.setenv("KEY", key)
            assert Api().get(key)
        assert capsys.readouterr().out == ""
        assert key.get(1)
"""


def test_only_receivers_of_unknown_type_are_reviewed(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "client.py").write_text(textwrap.dedent(CLIENT))
    (tmp_path / "test_env.py").write_text(textwrap.dedent(TEST))
    colouring = analyse_paths([tmp_path]).colouring
    assert colouring.is_async("pkg.client.Api.get")
    assert colouring.is_async("test_env.test_env")
    reviewed = {
        r.reason.split("`")[1] for r in colouring.review if r.reason.startswith("cannot tell")
    }
    # ``**kwargs``, an instance's ``__dict__`` and pytest's own fixtures are no
    # project objects; a test's fixture of its own (``key``) may be.
    assert reviewed == {"api.get()", "found.get()", "key.get()"}
