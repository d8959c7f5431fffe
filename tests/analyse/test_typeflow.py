"""Types flowing from call sites into parameters and attributes (migrate/analyse/typeflow.py).

A client hands itself to an object made in a module that never names its
class; the object keeps it in an attribute and calls it. Each test is a small
project analysed as ``migrate plan`` would, and states whether the calls
through that attribute (or parameter) reach the client's methods, which
become async. Whatever could hide a caller or another value leaves the name
untyped: a wrong type would await a plain value. A test's mock is no other
value: it stands in for what the code gives, and follows it. ``Offline`` has
a sync ``fetch`` of its own, so that a call on a name left untyped is not
taken for ``Client.fetch`` by its name alone (see analyse/by_name.py).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import Analysis, analyse_paths

CLIENT = """
    import requests

    from .holder import Holder


    class Client:
        def __init__(self):
            self.http = requests.Session()

        def fetch(self, path):
            return self.http.get("http://api" + path).json()

        def holder(self):
            return Holder(self, "x")


    class Offline:
        def fetch(self, path):
            return {"title": path}
"""
HOLDER = """
    class Holder:
        def __init__(self, owner, name):
            self.owner = owner
            self.name = name

        def load(self):
            return self.owner.fetch("/" + self.name)
"""


def analyse(tmp_path: Path, files: dict[str, str]) -> Analysis:
    files = {"app/__init__.py": "", **files}
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return analyse_paths([tmp_path], jobs=1)


def becomes_async(tmp_path: Path, files: dict[str, str], qualname: str) -> bool:
    return analyse(tmp_path, files).colouring.is_async(qualname)


def test_an_instance_passed_to_a_constructor_types_the_attribute_it_is_kept_in(
    tmp_path: Path,
) -> None:
    found = analyse(tmp_path, {"app/client.py": CLIENT, "app/holder.py": HOLDER})
    assert found.graph.flowed_attrs[("app.holder.Holder", "owner")] == "app.client.Client"
    assert found.colouring.is_async("app.holder.Holder.load")
    # Only the attribute that was given one type: ``name`` holds a string.
    assert ("app.holder.Holder", "name") not in found.graph.flowed_attrs


def test_the_module_holding_the_class_is_read_though_it_never_names_the_client(
    tmp_path: Path,
) -> None:
    found = analyse(
        tmp_path,
        {
            "app/client.py": CLIENT,
            "app/holder.py": HOLDER,
            "app/use.py": """
                from .client import Client

                def first():
                    return Client().holder().load()
            """,
        },
    )
    assert found.project.files["app.holder"].facts is not None
    assert found.colouring.is_async("app.use.first")


def test_a_mock_handed_in_by_a_test_stands_in_for_what_the_code_gives(tmp_path: Path) -> None:
    files = {
        "app/client.py": CLIENT,
        "app/holder.py": HOLDER,
        "tests/test_holder.py": """
            from unittest import mock

            from app.client import Client
            from app.holder import Holder

            def test_load():
                owner = mock.Mock()
                assert Holder(owner, "x").load() is owner.fetch.return_value
        """,
    }
    found = analyse(tmp_path, files)
    # The library's own callers type the attribute: the test's mock does not untype it.
    assert found.graph.flowed_attrs[("app.holder.Holder", "owner")] == "app.client.Client"
    assert found.colouring.is_async("app.holder.Holder.load")
    # The mock follows: the method the code now awaits, and the test configures, is async.
    (fake,) = [f for f in found.colouring.fakes if f.function == "tests.test_holder.test_load"]
    assert fake.mock_methods == ("fetch",)


def test_a_value_of_no_known_type_handed_in_leaves_the_attribute_untyped(
    tmp_path: Path,
) -> None:
    files = {
        "app/client.py": CLIENT,
        "app/holder.py": HOLDER,
        "app/other.py": """
            from .holder import Holder

            def make(owner_factory):
                return Holder(owner_factory(), "y")
        """,
    }
    found = analyse(tmp_path, files)
    assert not found.colouring.is_async("app.holder.Holder.load")
    # It stays a plain call, which is right for neither: the plan says so, and where.
    (review,) = [r for r in found.colouring.review if r.function == "app.holder.Holder.load"]
    assert review.reason.startswith("`self.owner.fetch()` stays a plain call: self.owner is")
    assert "given a client.Client (whose Client.fetch" in review.reason
    assert "app/other.py:5" in review.reason


def test_two_classes_given_leave_the_attribute_untyped_and_their_methods_grouped(
    tmp_path: Path,
) -> None:
    other = """
        from .holder import Holder

        class Cache:
            def fetch(self, path):
                return {}

            def holder(self):
                return Holder(self, "y")
    """
    files = {"app/client.py": CLIENT, "app/holder.py": HOLDER, "app/cache.py": other}
    found = analyse(tmp_path, files)
    assert ("app.holder.Holder", "owner") not in found.graph.flowed_attrs
    # Each class hands itself in: ``self.owner.fetch()`` is a call of either's
    # ``fetch``, one group (untyped.either_attr_methods), so they become async together.
    assert found.colouring.is_async("app.holder.Holder.load")
    assert found.colouring.is_async("app.cache.Cache.fetch")


def test_a_class_used_as_a_value_is_made_where_no_call_shows_what_it_is_given(
    tmp_path: Path,
) -> None:
    registry = """
        from .holder import Holder

        KINDS = {"plain": Holder}
    """
    files = {"app/client.py": CLIENT, "app/holder.py": HOLDER, "app/kinds.py": registry}
    assert not becomes_async(tmp_path, files, "app.holder.Holder.load")


def test_an_argument_given_through_star_args_or_left_out_is_unknown(tmp_path: Path) -> None:
    starred = (
        CLIENT
        + """
        def spread(args):
            return Holder(*args)
    """
    )
    files = {"app/client.py": starred, "app/holder.py": HOLDER}
    assert not becomes_async(tmp_path, files, "app.holder.Holder.load")


def test_the_attribute_assigned_on_another_object_is_unknown(tmp_path: Path) -> None:
    swapped = (
        CLIENT
        + """
        def swap(holder, other):
            holder.owner = other
    """
    )
    files = {"app/client.py": swapped, "app/holder.py": HOLDER}
    assert not becomes_async(tmp_path, files, "app.holder.Holder.load")


def test_the_type_flows_through_a_subclass_constructor_to_the_base_class(
    tmp_path: Path,
) -> None:
    client = CLIENT.replace("return Holder(self, ", "return Named(self, ").replace(
        "from .holder import Holder", "from .named import Named"
    )
    named = """
        from .holder import Holder

        class Named(Holder):
            def __init__(self, owner, name):
                super().__init__(owner, name.upper())
    """
    files = {"app/client.py": client, "app/holder.py": HOLDER, "app/named.py": named}
    assert becomes_async(tmp_path, files, "app.holder.Holder.load")


def test_a_parameter_every_caller_gives_one_type_resolves_the_calls_through_it(
    tmp_path: Path,
) -> None:
    report = """
        from .client import Client

        def title(client, path):
            return client.fetch(path)["title"]

        def front():
            return title(Client(), "/front")
    """
    found = analyse(
        tmp_path, {"app/client.py": CLIENT, "app/holder.py": HOLDER, "app/report.py": report}
    )
    assert found.colouring.is_async("app.report.title")
    assert found.colouring.is_async("app.report.front")


def test_a_parameter_bound_again_in_the_body_is_not_typed_by_its_callers(
    tmp_path: Path,
) -> None:
    report = """
        from .client import Client

        def title(client, path):
            client = client.offline_copy()
            return client.fetch(path)["title"]

        def front():
            return title(Client(), "/front")
    """
    found = analyse(
        tmp_path, {"app/client.py": CLIENT, "app/holder.py": HOLDER, "app/report.py": report}
    )
    assert not found.colouring.is_async("app.report.title")


def test_a_parameter_annotated_with_a_generic_class_is_of_that_class(tmp_path: Path) -> None:
    # ``holder: Holder[str]`` names the class as ``holder: Holder`` does; typing's own
    # generics (``list[Holder]``) name no class of the project's.
    found = analyse(
        tmp_path,
        {
            "app/client.py": CLIENT,
            "app/holder.py": HOLDER.replace("class Holder:", "class Holder(Generic[T]):").replace(
                "    class",
                "    from typing import Generic, TypeVar\n\n    T = TypeVar('T')\n\n\n    class",
                1,
            ),
            "app/use.py": """
                from .holder import Holder

                class Local:  # a sync ``load``: no call is taken for Holder.load by name
                    def load(self):
                        return {}

                def load_one(holder: Holder[str]):
                    return holder.load()

                def load_all(holders: list[Holder]):
                    return [h for h in holders]
            """,
        },
    )
    assert found.colouring.is_async("app.use.load_one")
    assert not found.colouring.is_async("app.use.load_all")
