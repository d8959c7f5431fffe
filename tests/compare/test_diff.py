"""How two answers are compared: JSON-aware with ignored fields, bytes otherwise."""

from __future__ import annotations

import json
from typing import Any

from migrate.compare.replay import Exchange, diff_exchanges


def _json(body: Any, status: int = 200, **headers: str) -> Exchange:
    return Exchange(
        status=status,
        headers={"content-type": "application/json", **headers},
        body=json.dumps(body).encode(),
        elapsed=0.0,
    )


def _where(
    before: Exchange, after: Exchange, *ignore: str, headers: frozenset[str] = frozenset()
) -> list[str]:
    return [d.where for d in diff_exchanges(before, after, ignore, headers)]


def test_key_order_and_whitespace_do_not_count() -> None:
    before = _json({"a": 1, "b": [1, 2]})
    after = Exchange(200, {"content-type": "application/json"}, b'{"b":[1,2],\n"a":1}', 0.0)
    assert _where(before, after) == []


def test_ignored_fields_may_differ_others_may_not() -> None:
    before = _json({"id": "ord-1", "items": [{"id": 1, "n": "x"}], "total": 3})
    after = _json({"id": "ord-9", "items": [{"id": 2, "n": "y"}], "total": 3})
    assert _where(before, after, "id", "items.*.id") == ["body.items[0].n"]


def test_status_headers_missing_keys_and_lengths() -> None:
    before = _json({"a": 1, "xs": [1]}, status=200, etag="1", date="mon")
    after = _json({"xs": [1, 2]}, status=502, etag="2", date="tue")
    assert _where(before, after, headers=frozenset({"date"})) == [
        "status",
        "header etag",
        "body.a",
        "body.xs length",
    ]


def test_other_bodies_are_compared_as_bytes() -> None:
    before = Exchange(200, {"content-type": "text/csv"}, b"sku\r\nA\r\n", 0.0)
    after = Exchange(200, {"content-type": "text/csv"}, b"sku\nA\n", 0.0)
    assert _where(before, after) == ["body"]
    assert _where(before, before) == []
