"""A response that breaks off is an answer to compare, not a crash."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from migrate.compare.replay import send
from migrate.compare.scenario import Scenario
from migrate.compare.server import serve_wsgi


def _breaks_off(environ: dict[str, Any], start_response: Any) -> Iterator[bytes]:
    start_response("200 OK", [("Content-Type", "text/csv")])
    yield b"sku,name\r\n"
    raise RuntimeError("upstream went away half-way")


def test_a_response_that_breaks_off_is_recorded() -> None:
    with serve_wsgi(_breaks_off) as base_url, httpx.Client(base_url=base_url) as client:
        exchange = send(client, Scenario(name="export", method="GET", path="/export"))
    assert exchange.status == 0
    assert exchange.body == b"<no complete response: RemoteProtocolError>"
