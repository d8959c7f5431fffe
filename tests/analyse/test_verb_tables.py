"""Dicts of request functions (analyse/verb_tables.py): a table of verbs only when
every use of it calls one of its items."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

TABLE = """
import requests

VERBS = {"get": requests.get, "delete": requests.delete}


def call(method, url):
    return VERBS[method](url, timeout=5).status_code
"""


def _colouring(tmp_path: Path, extra: str = "", **modules: str):  # type: ignore[no-untyped-def]
    (tmp_path / "api.py").write_text(TABLE + textwrap.dedent(extra))
    for name, text in modules.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(text))
    return analyse_paths([tmp_path], jobs=1).colouring


def test_a_dict_called_through_its_items_is_a_table_of_verbs(tmp_path: Path) -> None:
    colouring = _colouring(tmp_path)
    (table,) = colouring.verb_tables
    assert (table.name, [verb for _, verb in table.values]) == ("VERBS", ["get", "delete"])
    assert colouring.is_async("api.call")
    assert not colouring.blocking_values


def test_a_dict_also_read_another_way_stays_on_requests(tmp_path: Path) -> None:
    colouring = _colouring(tmp_path, "\n\ndef verbs():\n    return sorted(VERBS)\n")
    assert not colouring.verb_tables
    assert not colouring.is_async("api.call")
    assert {text for _, _, text in colouring.blocking_values} == {"requests.get", "requests.delete"}


def test_a_dict_another_module_imports_stays_on_requests(tmp_path: Path) -> None:
    other = "from api import VERBS\n\n\ndef get(url):\n    return VERBS['get'](url)\n"
    colouring = _colouring(tmp_path, other=other)
    assert not colouring.verb_tables
    assert not colouring.is_async("api.call")
