"""The ``RetryTransport`` helper against urllib3's ``Retry`` itself: the same
scripted answers from one loopback server, sent through a requests session
with ``HTTPAdapter(max_retries=Retry(...))`` and through an httpx client with
``RetryTransport(AsyncHTTPTransport(), ...)``, make the same requests and end
the same way (the last status, or RetryError)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from migrate.rewrite.helpers import render


class _Scripted(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps connections alive, as real servers do

    def _answer(self) -> None:
        server: Any = self.server
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        with server.lock:
            server.seen.append(self.command)
            status, headers = server.script.pop(0) if server.script else (200, {})
        body = b"{}"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Any]:
    httpd: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    httpd.lock, httpd.seen, httpd.script = threading.Lock(), [], []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _helpers() -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(render({"RetryTransport"}), "_async_helpers.py", "exec"), namespace)
    return namespace


RETRY_AFTER = {"Retry-After": "0"}
SCENARIOS = {
    "retried until it answers": ("GET", [503, 503], {"total": 3, "status_forcelist": [503]}),
    "total runs out": ("GET", [503] * 5, {"total": 2, "status_forcelist": [503]}),
    "last answer kept": (
        "GET",
        [502] * 5,
        {"total": 1, "status_forcelist": [502], "raise_on_status": False},
    ),
    "status runs out first": (
        "GET",
        [502] * 4,
        {"total": 5, "status": 1, "status_forcelist": [502]},
    ),
    "POST not retried": ("POST", [503], {"total": 3, "status_forcelist": [503]}),
    "POST allowed": (
        "POST",
        [503],
        {"total": 3, "status_forcelist": [503], "allowed_methods": ["POST"]},
    ),
    "every method": (
        "PUT",
        [503],
        {"total": 3, "status_forcelist": [503], "allowed_methods": None},
    ),
    "other statuses answered": ("GET", [500, 503], {"total": 3, "status_forcelist": [503]}),
    "429 with Retry-After": ("GET", [(429, RETRY_AFTER)], {"total": 2, "status_forcelist": [500]}),
    "Retry-After ignored": (
        "GET",
        [(429, RETRY_AFTER)],
        {"total": 2, "status_forcelist": [500], "respect_retry_after_header": False},
    ),
    "backoff": ("GET", [503] * 3, {"total": 3, "backoff_factor": 0.01, "status_forcelist": [503]}),
}


def _script(statuses: list[Any]) -> list[tuple[int, dict[str, str]]]:
    return [s if isinstance(s, tuple) else (s, {}) for s in statuses]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_retry_transport_retries_as_urllib3_did(server: Any, scenario: str) -> None:
    method, statuses, retry = SCENARIOS[scenario]
    url = f"http://127.0.0.1:{server.server_address[1]}/thing"

    server.script, server.seen = _script(statuses), []
    with requests.Session() as session:
        session.mount("http://", HTTPAdapter(max_retries=Retry(**retry)))
        try:
            legacy: Any = session.request(method, url, data=b"x").status_code
        except requests.exceptions.RetryError:
            legacy = "RetryError"
    legacy_seen = server.seen

    helpers = _helpers()

    async def migrated() -> Any:
        transport = helpers["RetryTransport"](httpx.AsyncHTTPTransport(), **retry)
        async with httpx.AsyncClient(transport=transport) as client:
            try:
                return (await client.request(method, url, content=b"x")).status_code
            except helpers["RetryError"] as error:
                # requests' RetryError is a RequestException, not an HTTPError.
                assert isinstance(error, httpx.HTTPError)
                assert not isinstance(error, httpx.HTTPStatusError)
                return "RetryError"

    server.script, server.seen = _script(statuses), []
    assert (asyncio.run(migrated()), server.seen) == (legacy, legacy_seen)
    assert len(legacy_seen) >= 1
