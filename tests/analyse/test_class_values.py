"""Classes that flow as values to the calls making them (handed_classes, registries)
and attributes set by name (setters): each shape types what the models hold only
when every way the class is reached is seen; one way more (a class handed as a
variable, a registry iterated or named by another module) keeps the classes
values and what the models hold untyped, as before.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """
import requests


class Client:
    def __init__(self, base):
        self.session = requests.Session()
        self.base = base

    def get(self, path):
        return self.session.get(self.base + path).json()
"""

MODELS = """
class Model:
    def __init__(self, client, data):
        self.client = client
        self.data = data

    def refresh(self):
        return self.client.get(self.data["url"])


class User(Model):
    pass


class Listing:
    def __init__(self, client, path, item_class):
        self.client = client
        self.item_class = item_class

    def items(self):
        return [self.item_class(self.client, d) for d in self.client.get("/")]


def build(model_class, client, data):
    return model_class(client, data)


CLASS_MAP = {"user": User}


def make(client, item):
    return CLASS_MAP[item["type"]](client, item)
"""

API = """
from app.client import Client
from app.models import Listing, User, build, make


def users(base):
    return Listing(Client(base), "/users", User).items()


def one(base):
    return build(User, Client(base), {}).refresh()


def made(base, item):
    return make(Client(base), item).refresh()
"""


def _graph(tmp_path: Path, models: str = MODELS, api: str = API, **more: str):
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    sources = {"client": CLIENT, "models": models, "api": api, **more}
    for name, source in sources.items():
        (app / f"{name}.py").write_text(textwrap.dedent(source))
    return analyse_paths([app], jobs=1).graph


def _client_type(graph) -> str | None:
    return graph.attr_type("app.models.User", "client")


def test_classes_handed_by_name_type_the_models_client(tmp_path: Path) -> None:
    graph = _graph(tmp_path)
    assert graph.class_slots()["item_class"] == ("app.models.User",)
    assert graph.returned("app.models.build") == "app.models.User"
    assert "app.models.User" not in graph.flow.values
    assert _client_type(graph) == "app.client.Client"


def test_a_class_handed_as_a_variable_is_made_by_the_calls_its_arguments_fit(
    tmp_path: Path,
) -> None:
    # ``kind`` may be any class: User stays a value, made where no call names it, but
    # every call of an unnamed value it fits (``self.item_class(self.client, d)``)
    # hands it the Client.
    api = API + textwrap.dedent("""

        def picked(base, kind):
            return Listing(Client(base), "/any", kind).items()
        """)
    graph = _graph(tmp_path, api=api)
    assert "item_class" not in graph.class_slots()
    assert "app.models.User" in graph.flow.values
    assert "app.models.Model.__init__" in graph.flow.unnamed_inits
    assert _client_type(graph) == "app.client.Client"


def test_an_unnamed_call_handing_something_else_keeps_the_models_client_untyped(
    tmp_path: Path,
) -> None:
    api = API + textwrap.dedent("""

        def picked(base, kind):
            return Listing(Client(base), "/any", kind).items()


        def rebuilt(kind, data):
            return kind(object(), data)
        """)
    graph = _graph(tmp_path, api=api)
    assert _client_type(graph) is None


def test_a_call_its_arguments_do_not_fit_is_no_maker(tmp_path: Path) -> None:
    api = API + textwrap.dedent("""

        def picked(base, kind):
            return Listing(Client(base), "/any", kind).items()


        def labelled(kind, data):
            return kind(object(), data, "label")
        """)
    graph = _graph(tmp_path, api=api)
    assert _client_type(graph) == "app.client.Client"


def test_a_class_handed_to_code_outside_the_project_keeps_its_makers_untyped(
    tmp_path: Path,
) -> None:
    # ``map`` calls User itself, with what no call of the project shows.
    api = API + textwrap.dedent("""

        def picked(base, kind):
            return Listing(Client(base), "/any", kind).items()


        def many(base, rows):
            return list(map(User, rows))
        """)
    graph = _graph(tmp_path, api=api)
    assert "app.models.Model.__init__" not in graph.flow.unnamed_inits
    assert _client_type(graph) is None


def test_a_value_of_either_operand_types_what_it_is_handed_to(tmp_path: Path) -> None:
    # ``client or self.client``: one of them; ``a if c else b`` likewise.
    api = API + textwrap.dedent("""

        class Holder:
            def __init__(self, base):
                self.client = Client(base)

            def user(self, data, client=None):
                return User(client or self.client, data)

            def other(self, data, fresh):
                return User(Client("/") if fresh else self.client, data)


        def held(base):
            return Holder(base).user({}).refresh()
        """)
    graph = _graph(tmp_path, api=api)
    assert _client_type(graph) == "app.client.Client"


def test_a_registry_read_any_other_way_keeps_its_classes_values(tmp_path: Path) -> None:
    models = MODELS + textwrap.dedent("""

        def kinds():
            return [cls.__name__ for cls in CLASS_MAP.values()]
        """)
    graph = _graph(tmp_path, models=models)
    assert "CLASS_MAP" not in graph.project.facts["app.models"].registries
    assert "app.models.User" in graph.flow.values


def test_a_registry_another_module_names_keeps_its_classes_values(tmp_path: Path) -> None:
    other = "from app.models import CLASS_MAP\n\nKINDS = sorted(CLASS_MAP)\n"
    graph = _graph(tmp_path, other=other)
    assert graph.project.facts["app.models"].registries == {"CLASS_MAP": ("app.models.User",)}
    assert "app.models.User" in graph.flow.values


SETTERS = """
class Record:
    def __init__(self, client):
        self._set("_client", client)

    def _set(self, name, value):
        object.__setattr__(self, name, value)

    def load(self):
        return self._client.get("/record")
"""

LOAD = """
from app.client import Client
from app.records import Record


def load(base):
    return Record(Client(base)).load()
"""


def _load_targets(graph) -> list[str | None]:
    load = graph.functions["app.records.Record.load"]
    return [graph.resolve(c.target) for c in load.calls]


def test_an_attribute_set_by_a_constant_name_is_assigned(tmp_path: Path) -> None:
    graph = _graph(tmp_path, api=LOAD, records=SETTERS)
    assert "_client" in graph.functions["app.records.Record.__init__"].self_writes
    assert _load_targets(graph) == ["app.client.Client.get"]
