"""What a container of clients holds (migrate/analyse/value_forms.py, graph.attr_items).

An attribute filled with one class of object gives that class for its items,
read in the class or its subclasses; one a subclass fills with another class
(or with something of no known type) gives none, since a method of the base
may run on an instance of the subclass.
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


class Fake:
    def get(self, path):
        return {}
"""

POOL = """
from app.client import Client, Fake


class Pool:
    def __init__(self, urls):
        self.clients = [Client(url) for url in urls]
        self.spares = []

    def add(self, url):
        self.spares.append(Client(url))


class FakePool(Pool):
    def __init__(self):
        self.clients = [Fake()]


class Unknown(Pool):
    def __init__(self, made):
        self.spares = made
"""

REGISTRY = """
from app.client import Client

CLIENTS = {}
OTHERS = {}


def register(name):
    CLIENTS[name] = Client(name)


def register_other(name, made):
    OTHERS[name] = made


def client_for(name):
    return CLIENTS[name]


def other_for(name):
    return OTHERS[name]
"""


def analyse(tmp_path: Path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    for name, source in (("client", CLIENT), ("pool", POOL), ("registry", REGISTRY)):
        (app / f"{name}.py").write_text(textwrap.dedent(source))
    return analyse_paths([app], jobs=1)


def test_an_attribute_a_subclass_fills_with_another_class_has_no_item_type(
    tmp_path: Path,
) -> None:
    graph = analyse(tmp_path).graph
    assert graph.attr_items("app.pool.Pool.clients") is None  # FakePool's are Fakes
    assert graph.attr_items("app.pool.FakePool.clients") is None
    assert graph.attr_items("app.pool.Pool.spares") is None  # Unknown's are unknown


def test_an_attribute_filled_with_one_class_gives_it(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "client.py").write_text(textwrap.dedent(CLIENT))
    pool = POOL.split("class FakePool")[0]
    (tmp_path / "app" / "pool.py").write_text(textwrap.dedent(pool))
    graph = analyse_paths([tmp_path / "app"], jobs=1).graph
    assert graph.attr_items("app.pool.Pool.clients") == "app.client.Client"
    assert graph.attr_items("app.pool.Pool.spares") == "app.client.Client"


def test_a_module_dict_gives_its_items_type_only_when_every_one_is_known(
    tmp_path: Path,
) -> None:
    facts = analyse(tmp_path).project.facts["app.registry"]
    assert facts.return_types.get("client_for") == "app.client.Client"
    assert "other_for" not in facts.return_types  # OTHERS holds what callers hand in
