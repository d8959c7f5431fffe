"""A property read on an object of unknown type may be the property: the property
stays, bridging to an async twin (see properties). A read through what a mock
gives (``patched.return_value.details``) is no such read: the mock answers it,
whatever it stands for."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CATALOG = """
import requests


class Catalog:
    @property
    def details(self):
        return requests.get("https://api.example.com/info", timeout=5).json()


def title(catalog: Catalog):
    return catalog.details["title"]
"""


def _project(tmp_path: Path, test: str) -> Path:
    (tmp_path / "catalog.py").write_text(CATALOG)
    (tmp_path / "test_catalog.py").write_text(textwrap.dedent(test))
    return tmp_path


def test_a_read_through_a_mock_result_is_no_read_of_the_property(tmp_path: Path) -> None:
    test = """
        from unittest import mock

        from catalog import title


        def answers(fake):
            return fake.return_value.details


        def first(fake):
            kept = fake.return_value.items[0]
            for each in fake.return_value.items:
                assert each.details
            return kept.details


        def test_title():
            fake = mock.Mock()
            fake.return_value.details = {"title": "x"}
            assert answers(fake) == {"title": "x"}
    """
    colouring = analyse_paths([_project(tmp_path, test)], jobs=1).colouring
    assert colouring.is_async("catalog.Catalog.details")
    assert not colouring.property_twins


def test_a_read_on_an_unknown_object_keeps_the_property(tmp_path: Path) -> None:
    test = """
        def describe(thing):
            return thing.details
    """
    colouring = analyse_paths([_project(tmp_path, test)], jobs=1).colouring
    assert colouring.property_twins == {"catalog.Catalog.details": "adetails"}


STORAGES = """
import requests


class Storage:
    @property
    def size(self):
        return requests.get("https://api.example.com/size", timeout=5).json()["size"]


class Project:
    @property
    def storages(self):
        for name in ("a", "b"):
            yield Storage()

    def names(self):
        for name in ("a", "b"):
            yield name


def sizes(project: Project):
    found = []
    for store in project.storages:
        found.append(store.size)
    return found


def upper(project: Project):
    return [name.upper() for name in project.names()]
"""


def test_an_item_of_a_generator_has_the_type_it_yields(tmp_path: Path) -> None:
    # ``store`` holds what ``storages`` yields: its ``size`` is Storage's property.
    (tmp_path / "storages.py").write_text(STORAGES)
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("storages.sizes")
    assert colouring.async_functions["storages.sizes"].callee == "storages.Storage.size"
    assert not colouring.property_twins


MADE_BY_PARAM = """
import requests


class File:
    def __init__(self, data):
        self.data = data

    def update(self):
        return requests.put("https://api.example.com/files", timeout=5).status_code


class Folder:
    def _children(self, kind, klass):
        for name in ("a", "b"):
            yield klass(name)

    @property
    def files(self):
        return self._children("file", File)


def update_all(folder: Folder):
    for found in folder.files:
        found.update()
"""


def test_what_a_class_handed_in_makes_is_of_that_class(tmp_path: Path) -> None:
    # ``_children`` makes what ``klass`` is; ``files`` hands it File.
    (tmp_path / "folders.py").write_text(MADE_BY_PARAM)
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.async_functions["folders.update_all"].callee == "folders.File.update"


SHIMMED = """
import httpx
from asgiref.sync import async_to_sync


class Results:
    async def acount(self):
        async with httpx.AsyncClient() as client:
            return (await client.get("https://api.example.com/n")).json()["count"]

    @property
    def count(self):
        return async_to_sync(self.acount)()
"""


def test_a_property_an_earlier_run_kept_as_a_bridge_to_its_twin_stays(tmp_path: Path) -> None:
    """With no reader left in the code, the bridge still serves the package's users:
    a second run leaves it (it made it an async method, a bound method to them)."""
    (tmp_path / "results.py").write_text(SHIMMED)
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert "results.Results.count" not in colouring.async_functions
    assert colouring.boundaries["results.Results.count"].startswith("property count bridges")
