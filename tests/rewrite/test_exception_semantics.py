"""requests' exception classes, mapped to httpx, catch the same failures.

A legacy module catches every requests exception class (``except``,
``isinstance`` and a tuple); the toolkit migrates it. Each failure is then
provoked for real, against a server on 127.0.0.1 that fails in that one
way, once through the legacy requests code and once through the migrated
httpx code, and each legacy ``except`` clause is compared with its migrated
twin: a failure the legacy code caught must be caught after migration, and
one it let through must still go through, except for the few widenings
listed (with why) in ``WIDER``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import httpx
import pytest
import requests
from scopes import shared

from migrate.rewrite.options import RewriteOptions

from . import loopback
from .harness import imported_from, rewrite

# requests classes as a legacy module catches them -> name of its catcher.
CAUGHT = {
    "RequestException": "requests.RequestException",
    "ConnectionError": "requests.ConnectionError",
    "Timeout": "requests.Timeout",
    "ReadTimeout": "requests.ReadTimeout",
    "ConnectTimeout": "requests.exceptions.ConnectTimeout",
    "ProxyError": "requests.exceptions.ProxyError",
    "SSLError": "requests.exceptions.SSLError",
    "HTTPError": "requests.HTTPError",
    "TooManyRedirects": "requests.TooManyRedirects",
    "InvalidURL": "requests.exceptions.InvalidURL",
    "ChunkedEncodingError": "requests.exceptions.ChunkedEncodingError",
    "ContentDecodingError": "requests.exceptions.ContentDecodingError",
    "JSONDecodeError": "requests.exceptions.JSONDecodeError",
    "ValueError": "ValueError",
    "ConnectionError_or_Timeout": "(requests.ConnectionError, requests.Timeout)",
}

LEGACY = """
import requests

session = requests.Session()


def read_slow(url):
    return requests.get(url, timeout=0.3).json()


def connect_slow(url):
    return requests.get(url, timeout=(0.3, 5)).json()


def upload(url):
    return requests.post(url, json="x" * 64_000_000, timeout=0.3).json()


def fetch(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.json()


def fetch_with_session(url):
    return session.get(url, timeout=0.3).json()
"""

CATCHER = """

def catches_{name}(call):
    try:
        call()
    except {classes}:
        return True
    return False


def is_{name}(exc):
    return isinstance(exc, {classes})
"""


@dataclass(frozen=True)
class Failure:
    """One way for a request to fail, and how to provoke it."""

    name: str
    server: Callable[[], AbstractContextManager[str]]
    call: str  # the function of the legacy module that meets it
    legacy: type[BaseException]  # what requests raises: proves the failure is the intended one
    path: str = "/"


def _served(handler: loopback.Handler) -> Callable[[], AbstractContextManager[str]]:
    return lambda: loopback.serve(handler)


def _fixed(url: str) -> Callable[[], AbstractContextManager[str]]:
    return lambda: nullcontext(url)


@contextmanager
def _over_tls(handler: loopback.Handler) -> Iterator[str]:
    """A plain HTTP server reached with ``https://``: the TLS handshake fails."""
    with loopback.serve(handler) as base:
        yield base.replace("http://", "https://")


@contextmanager
def _through_proxy(proxy: AbstractContextManager[str]) -> Iterator[str]:
    """An HTTPS URL reached through the proxy at ``proxy``, named in the
    environment (requests and httpx both read HTTPS_PROXY)."""
    with proxy as proxy_url, mock.patch.dict(os.environ):
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "https_proxy"):
            os.environ.pop(name, None)
        os.environ["HTTPS_PROXY"] = proxy_url
        yield "https://upstream.test"


FAILURES = [
    Failure("read timeout", _served(loopback.never_answers), "read_slow", requests.ReadTimeout),
    Failure("connect timeout", loopback.full_accept_queue, "connect_slow", requests.ConnectTimeout),
    # requests reports a stalled upload as a ConnectionError, not a Timeout.
    Failure("write timeout", _served(loopback.never_reads), "upload", requests.ConnectionError),
    Failure(
        "session read timeout",
        _served(loopback.never_answers),
        "fetch_with_session",
        requests.ReadTimeout,
    ),
    Failure(
        "connection refused",
        lambda: nullcontext(loopback.refused_url()),
        "fetch",
        requests.ConnectionError,
    ),
    Failure("server disconnect", _served(loopback.hangs_up), "fetch", requests.ConnectionError),
    Failure(
        "truncated body",
        _served(loopback.cuts_body),
        "fetch",
        requests.exceptions.ChunkedEncodingError,
    ),
    Failure(
        "bad gzip body",
        _served(loopback.bad_gzip),
        "fetch",
        requests.exceptions.ContentDecodingError,
    ),
    Failure("invalid JSON", _served(loopback.bad_json), "fetch", requests.JSONDecodeError),
    Failure(
        "too many redirects",
        _served(loopback.redirects_forever),
        "fetch",
        requests.TooManyRedirects,
    ),
    Failure("status 500", _served(loopback.server_error), "fetch", requests.HTTPError),
    Failure(
        "TLS handshake fails",
        lambda: _over_tls(loopback.speaks_plain_http),
        "fetch",
        requests.exceptions.SSLError,
    ),
    Failure(
        "proxy refuses the tunnel",
        lambda: _through_proxy(loopback.serve(loopback.rejects_tunnel)),
        "fetch",
        requests.exceptions.ProxyError,
    ),
    Failure(
        "proxy unreachable",
        lambda: _through_proxy(nullcontext(loopback.refused_url())),
        "fetch",
        requests.exceptions.ProxyError,
    ),
    Failure(
        "URL without host", _fixed("http://"), "fetch", requests.exceptions.InvalidURL, path=""
    ),
    Failure(
        "URL with a bad host",
        _fixed("http://[::1"),
        "fetch",
        requests.exceptions.InvalidURL,
        path="",
    ),
]

# (failure, catcher) pairs where the migrated clause catches what the legacy
# one let through. Catching more is the safe side of a mapping, and here it
# is the only side one httpx class can be on.
WIDER = {
    # httpx calls a stalled upload a WriteTimeout, a TimeoutException.
    ("write timeout", "Timeout"): "httpx.WriteTimeout is a timeout; requests said ConnectionError",
    ("write timeout", "ConnectionError_or_Timeout"): "as above",
    # One httpx class, RemoteProtocolError, stands for a peer that hung up
    # before the response (requests: ConnectionError) and one that hung up
    # inside the body (requests: ChunkedEncodingError).
    ("truncated body", "ConnectionError"): "RemoteProtocolError also means a dropped connection",
    ("truncated body", "ConnectionError_or_Timeout"): "as above",
    ("server disconnect", "ChunkedEncodingError"): "RemoteProtocolError, as above",
    # httpx says ConnectError for a refused connection, a failed TLS handshake
    # and an unreachable proxy alike.
    ("connection refused", "ProxyError"): "an unreachable proxy is a ConnectError",
    ("connection refused", "SSLError"): "a failed TLS handshake is a ConnectError",
    ("TLS handshake fails", "ProxyError"): "as above",
    ("proxy unreachable", "SSLError"): "as above",
}

# (failure, catcher) pairs where the migrated code lets through what the
# legacy clause caught, and no mapping of requests' classes can help.
NARROWER = {
    # requests' InvalidURL is also a ValueError; httpx's URL errors are not.
    ("URL without host", "ValueError"): "httpx.UnsupportedProtocol is no ValueError",
    ("URL with a bad host", "ValueError"): "httpx.InvalidURL is no ValueError",
}

# httpx fails in ways requests cannot: it waits for a free connection of its
# pool (requests' pools never block). The nearest legacy failure is a timeout.
POOL_TIMEOUT_CAUGHT_BY = ("RequestException", "Timeout", "ConnectionError_or_Timeout")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope=shared)
def versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ModuleType]]:
    """The legacy module and what the toolkit makes of it."""
    root = tmp_path_factory.mktemp("exceptions")
    legacy_dir, migrated_dir = root / "legacy", root / "migrated"
    legacy_dir.mkdir()
    migrated_dir.mkdir()
    source = LEGACY + "".join(
        CATCHER.format(name=name, classes=classes) for name, classes in CAUGHT.items()
    )
    (legacy_dir / "client.py").write_text(source)
    produced, results = rewrite(legacy_dir, RewriteOptions())
    assert any(r.changed for r in results)
    for rel, data in produced.items():
        (migrated_dir / rel).write_bytes(data)
    names = ("_legacy_errors_client", "_migrated_errors_client")
    legacy = _load(legacy_dir / "client.py", names[0])
    with imported_from(migrated_dir):  # the helpers module it imports
        migrated = _load(migrated_dir / "client.py", names[1])
    try:
        yield legacy, migrated
    finally:
        for name in names:
            sys.modules.pop(name, None)


def _raised(call: Callable[[], Any]) -> BaseException:
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("the failure was not provoked: the call succeeded")


def _provoke(failure: Failure, legacy: ModuleType, migrated: ModuleType) -> tuple[Any, Any]:
    with failure.server() as base:
        url = base + failure.path
        before = _raised(lambda: getattr(legacy, failure.call)(url))
    with failure.server() as base:
        url = base + failure.path
        after = _raised(lambda: asyncio.run(getattr(migrated, failure.call)(url)))
    return before, after


def _caught(module: ModuleType, name: str, exc: BaseException) -> tuple[bool, bool]:
    """Whether ``module``'s except clause and isinstance check for ``name`` take ``exc``."""

    def reraise() -> None:
        raise exc

    try:
        by_except = getattr(module, f"catches_{name}")(reraise)
    except Exception as escaped:
        assert escaped is exc
        by_except = False
    return by_except, getattr(module, f"is_{name}")(exc)


# Known gaps of the rule (none today): a strict xfail each, with why.
GAPS: dict[str, str] = {}
PARAMS = [
    pytest.param(f, id=f.name, marks=[pytest.mark.xfail(strict=True, reason=GAPS[f.name])])
    if f.name in GAPS
    else pytest.param(f, id=f.name)
    for f in FAILURES
]


@pytest.mark.parametrize("failure", PARAMS)
def test_migrated_except_clauses_catch_what_legacy_ones_caught(
    failure: Failure, versions: tuple[ModuleType, ModuleType]
) -> None:
    legacy, migrated = versions
    before, after = _provoke(failure, legacy, migrated)
    assert isinstance(before, failure.legacy), f"requests raised {before!r}"
    problems = []
    for name in CAUGHT:
        was = _caught(legacy, name, before)
        now = _caught(migrated, name, after)
        assert was[0] == was[1] and now[0] == now[1], "except and isinstance disagree"
        if was[0] and not now[0] and (failure.name, name) not in NARROWER:
            problems.append(f"except {CAUGHT[name]} caught {before!r}; migrated misses {after!r}")
        elif now[0] and not was[0] and (failure.name, name) not in WIDER:
            problems.append(f"except {CAUGHT[name]} let {before!r} through; migrated catches it")
    assert not problems, "\n".join(problems)


@contextmanager
def _busy_pool(url: str) -> Iterator[Callable[[], None]]:
    """An httpx pool of one connection, held by a request that gets no answer."""
    yield lambda: asyncio.run(_second_request(url))


async def _second_request(url: str) -> None:
    timeout = httpx.Timeout(5, pool=0.2)
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as client:
        holder = asyncio.ensure_future(client.get(url))
        try:
            await asyncio.sleep(0.05)
            await client.get(url)
        finally:
            holder.cancel()
            await asyncio.gather(holder, return_exceptions=True)


def test_a_pool_timeout_is_caught_as_a_timeout(versions: tuple[ModuleType, ModuleType]) -> None:
    _, migrated = versions
    with loopback.serve(loopback.never_answers) as base, _busy_pool(base + "/") as second:
        exc = _raised(second)
    assert isinstance(exc, httpx.PoolTimeout)
    for name in POOL_TIMEOUT_CAUGHT_BY:
        assert _caught(migrated, name, exc) == (True, True), CAUGHT[name]


def test_every_mapped_class_is_exercised() -> None:
    """A class added to the rule's table gets a catcher here, or this fails."""
    from migrate.rewrite.rules.http_exceptions import EXCEPTIONS

    missing = set(EXCEPTIONS) - set(CAUGHT)
    assert not missing, f"add catchers (and a failure that reaches them) for {sorted(missing)}"
