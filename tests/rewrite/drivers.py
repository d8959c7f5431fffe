"""Golden cases executed: a case's ``driver.py`` runs its code before and after.

A golden folder shows what the rewrite writes; it does not show that the
result behaves like the input. A case whose code does I/O carries a
``driver.py`` next to ``input/`` and ``expected/``::

    ROUTES = {"GET api.example.com /users/7": (200, {"id": 7})}

    def drive(run):
        client = run.module("client")
        run.check("user", client.fetch_user, 7)
        run.answer("GET api.example.com /users/7", 500, {"error": "internal"})
        run.check("user, upstream down", client.fetch_user, 7)

Both versions are copied to a temporary folder, every ``*.example.com``
host in them (and any host named in ``HOSTS``) is pointed at a real server
on 127.0.0.1 that answers from ``ROUTES`` (``(status, json[, headers])``, a
``bytes`` payload sent as it is, or a list of them answered in turn; a key
may end in ``?query``, its parameters sorted) and logs what it receives, and
``drive`` is called once per version. ``run.check`` calls a function
(awaiting it on a fresh event loop if it returns a coroutine, draining it
if it is a generator) and records its result or the kind of exception it
raised, with the upstream requests it made. ``tests/rewrite/test_case_drivers.py``
compares the two versions check by check; ``GAPS`` names checks that are
known to differ (the rule leaves a TODO there); ``PACKAGE`` names the
package when the case folder is one.

While a coroutine runs, a blocking socket call or ``time.sleep`` on the
loop's thread is reported (``BLOCKS`` names the ones a case is known to make).

``TLS`` names hosts served over HTTPS with a throwaway CA, which
``CA_BUNDLE`` names a file for (in the version's folder, where ``drive``
runs); ``WARNS`` names warnings the migrated code is known to add, and
``GC_WARNS`` those it may add, when the collector frees an object late.

Cases that ship their own tests need no ``drive``: their tests run before
and after, and must pass the same and send the same requests; a
``driver.py`` holding only ``ROUTES`` serves the hosts they reach.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import gc
import importlib
import inspect
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

from migrate.analyse.decisions import Scope
from migrate.rewrite.options import RewriteOptions
from sample_upstreams.network import TlsMaterial

from . import loopback
from .harness import imported_from, rewrite

EXAMPLE_HOSTS = r"(?:[a-z0-9-]+\.)*example\.com"

# Exceptions that mean the same failure in requests and in httpx, by class
# name. Knowledge of the libraries, kept apart from the rule's own table.
SAME_FAILURE = {
    "HTTPError": "bad status",
    "HTTPStatusError": "bad status",
    "ConnectionError": "connection",
    "ConnectError": "connection",
    # requests' (a ConnectionError); httpx raises ConnectError for a failed handshake.
    "SSLError": "connection",
    "RemoteProtocolError": "connection",
    "Timeout": "timeout",
    "ReadTimeout": "timeout",
    "ConnectTimeout": "timeout",
    "TimeoutException": "timeout",
    "JSONDecodeError": "invalid json",
    "TooManyRedirects": "redirects",
    # httpx's HTTPError is the base class, requests' RequestException's twin.
    "httpx.HTTPError": "request failed",
    "RequestException": "request failed",
}
# Request headers a client sets on its own (they name the client or the
# connection, not what the code asked for).
CLIENT_HEADERS = {"user-agent", "accept", "accept-encoding", "connection", "host", "content-length"}

# (status, JSON payload) or (status, payload, headers); a list is answered one
# item per request, the last one repeating.
Answer = tuple[Any, ...]
Route = Answer | list[Answer]


@dataclass(frozen=True)
class Request:
    """One request as an upstream saw it."""

    host: str
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    body: str
    headers: tuple[tuple[str, str], ...]


def _chunked(conn: Any, buffered: bytes) -> tuple[bytes, bytes] | None:
    """A chunked body read off ``conn``, and what came after it (None: closed)."""
    body = b""
    while True:
        while b"\r\n" not in buffered:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            buffered += chunk
        size_line, _, buffered = buffered.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        while len(buffered) < size + 2:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            buffered += chunk
        body, buffered = body + buffered[:size], buffered[size + 2 :]
        if size == 0:
            return body, buffered


class CaseUpstream:
    """One fake host: answers from the driver's routes, logs every request."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.base_url = ""
        self.server: loopback.Server | None = None
        self._lock = threading.Lock()

    def take_log(self) -> list[Request]:
        """The requests received since the last call, once every one sent has arrived."""
        assert self.server is None or self.server.settle(), f"{self.host}: a request never ended"
        with self._lock:
            log, self.log = self.log, []
        return log

    def handle(self, conn: Any, stopping: threading.Event) -> None:
        buffered = b""
        while True:
            while b"\r\n\r\n" not in buffered:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                buffered += chunk
            head, _, buffered = buffered.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = dict(
                (name.strip().lower(), value.strip())
                for name, _, value in (line.partition(":") for line in lines[1:])
            )
            if headers.get("transfer-encoding", "").lower() == "chunked":
                read = _chunked(conn, buffered)  # a body sent from an iterator
                if read is None:
                    return
                body, buffered = read
            else:
                length = int(headers.get("content-length", "0"))
                while len(buffered) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffered += chunk
                body, buffered = buffered[:length], buffered[length:]
            url = urlsplit(target)
            request = Request(
                self.host,
                method,
                url.path,
                tuple(sorted(parse_qsl(url.query, keep_blank_values=True))),
                _canonical(body, headers.get("content-type", "")),
                tuple(
                    sorted(
                        (k, _boundless(v)) for k, v in headers.items() if k not in CLIENT_HEADERS
                    )
                ),
            )
            with self._lock:
                self.log.append(request)
            status, payload, headers = self._answer(request)
            if isinstance(payload, bytes):  # a body sent as it is
                data, extra = payload, ""
            else:
                data = b"" if payload is None else json.dumps(payload).encode()
                extra = "Content-Type: application/json\r\n" if payload is not None else ""
            extra += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
            reply = loopback.response(f"{status} X", data, extra)
            if method == "HEAD":
                reply = reply[: len(reply) - len(data)]
            conn.sendall(reply)

    def _answer(self, request: Request) -> tuple[int, Any, dict[str, str]]:
        key = f"{request.method} {self.host} {request.path}"
        query = "&".join(f"{k}={v}" for k, v in request.query)
        with self._lock:
            # A key may name the query too ("GET host /path?a=1"): it wins.
            route = self.routes.get(f"{key}?{query}") if query else None
            route = route if route is not None else self.routes.get(key)
            if isinstance(route, list):
                route = route.pop(0) if len(route) > 1 else route[0]
        if route is None:
            return 404, {"error": "no route", "path": request.path}, {}
        status, payload, *headers = route
        return status, payload, headers[0] if headers else {}


class UnawaitedResult(AssertionError):
    """A function that stayed sync handed back a coroutine (see :meth:`Run.call`)."""


def _boundless(value: str) -> str:
    """A multipart form's content type without its boundary (each client draws one)."""
    return value.split(";")[0] if value.startswith("multipart/form-data") else value


def _canonical(body: bytes, content_type: str) -> str:
    """The body as text; JSON re-serialised, since clients space it differently;
    a multipart form as its parts' names, file names and contents, since each
    client draws its own boundary."""
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        form = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        parts = [
            [
                part.get_param("name", header="content-disposition"),
                part.get_filename(),
                (part.get_payload(decode=True) or b"").decode("utf-8", "replace"),
            ]
            for part in form.iter_parts()
        ]
        return json.dumps(parts)
    text = body.decode("utf-8", "replace")
    if content_type.startswith("application/json"):
        try:
            return json.dumps(json.loads(text), sort_keys=True)
        except ValueError:
            pass
    return text


@dataclass
class Outcome:
    """What one check gave: a value or a kind of failure, and the requests made."""

    value: Any = None
    failure: str | None = None
    requests: list[Request] = field(default_factory=list)


class Run:
    """What a driver gets: the version's modules, and ``check`` to record calls."""

    def __init__(self, root: Path, upstreams: dict[str, CaseUpstream], tag: str) -> None:
        self.root = root
        self.upstreams = upstreams
        self.tag = tag
        self.outcomes: dict[str, Outcome] = {}
        self.loop_reports: list[str] = []

    def answer(self, key: str, *answer: Any) -> None:
        """Answer ``"METHOD host path"`` with ``(status, payload[, headers])`` from now on."""
        host = key.split(" ")[1]
        self.upstreams[host].routes[key] = answer

    def module(self, name: str) -> ModuleType:
        """Import ``name`` from this version's folder."""
        return importlib.import_module(name)

    def url(self, host: str) -> str:
        """The loopback URL a ``host`` of the case was pointed at."""
        return self.upstreams[host].base_url

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(*args)``, awaited on a fresh loop when it returns a coroutine;
        an (async) generator is drained into a list."""
        result = func(*args, **kwargs)
        if inspect.iscoroutine(result) and inspect.isfunction(func) and self._of_version(func):
            if not inspect.iscoroutinefunction(func):
                # A plain def handing back a coroutine: a call inside it was left
                # un-awaited (its caller would get a coroutine for the value).
                result.close()
                raise UnawaitedResult(f"{func.__qualname__} returned a coroutine")
        if inspect.isawaitable(result):
            return self._run(result)
        if inspect.isasyncgen(result):
            return self._run(_drain(result))
        if inspect.isgenerator(result):
            return list(result)
        return result

    def _of_version(self, func: Callable[..., Any]) -> bool:
        """A function of the version's code (not the driver's own, nor a lambda)."""
        where = Path(inspect.getfile(func)).resolve()
        if func.__name__ == "<lambda>" or where.name == "driver.py":
            return False
        return where.is_relative_to(self.root.resolve())

    def _run(self, awaitable: Any) -> Any:
        async def main() -> Any:
            asyncio.get_running_loop().set_exception_handler(
                lambda _, context: self.loop_reports.append(str(context.get("message")))
            )
            return await awaitable

        with blocking_calls_reported(self.loop_reports):
            return asyncio.run(main())

    def check(self, name: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Record what ``func(*args, **kwargs)`` gives, and what it asked upstream."""
        assert name not in self.outcomes, f"two checks named {name!r}"
        for upstream in self.upstreams.values():
            upstream.take_log()
        outcome = Outcome()
        try:
            outcome.value = self.call(func, *args, **kwargs)
        except Exception as exc:
            kind = type(exc).__name__
            qualified = f"{type(exc).__module__.split('.')[0]}.{kind}"
            outcome.failure = SAME_FAILURE.get(qualified, SAME_FAILURE.get(kind, kind))
        for upstream in self.upstreams.values():
            outcome.requests += upstream.take_log()
        # Concurrent calls may reach the upstreams in any order.
        outcome.requests.sort(key=repr)
        self.outcomes[name] = outcome


# What blocks a thread: a socket in blocking mode (requests, urllib, a sync
# client) or a sleep. The event loop's own sockets are non-blocking.
_SOCKET_WAITS = ("connect", "recv", "recv_into", "send", "sendall")


@contextlib.contextmanager
def blocking_calls_reported(reports: list[str]) -> Iterator[None]:
    """Report, in ``reports``, every blocking wait made on a thread running an event loop."""

    def on_loop() -> bool:
        return asyncio._get_running_loop() is not None

    def guarded(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            if self.gettimeout() != 0.0 and on_loop():
                reports.append(f"blocking socket.{name} on a running loop")
            return original(self, *args, **kwargs)

        return call

    def sleep(seconds: float) -> None:
        if on_loop():
            reports.append("time.sleep on a running loop")
        real_sleep(seconds)

    real_sleep = time.sleep
    with ExitStack() as stack:
        for name in _SOCKET_WAITS:
            original = getattr(socket.socket, name)
            stack.enter_context(mock.patch.object(socket.socket, name, guarded(name, original)))
        stack.enter_context(mock.patch.object(time, "sleep", sleep))
        yield


async def _drain(agen: Any) -> list[Any]:
    return [item async for item in agen]


def host_pattern(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """``http(s)://`` and a host: any ``*.example.com``, or one the driver names."""
    names = "|".join([EXAMPLE_HOSTS, *map(re.escape, extra)])
    return re.compile(rf"https?://({names})(?![\w.-])")


def case_hosts(pattern: re.Pattern[str], *folders: Path) -> set[str]:
    hosts: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            hosts.update(pattern.findall(path.read_text("utf-8", "replace")))
    return hosts


def _point_at(folder: Path, pattern: re.Pattern[str], bases: dict[str, str]) -> None:
    for path in folder.rglob("*.py"):
        text = path.read_text("utf-8")
        new = pattern.sub(lambda m: bases[m.group(1)], text)
        if new != text:
            path.write_text(new, "utf-8")


@dataclass
class VersionRun:
    """Outcomes of one version, and what it left behind on the side."""

    outcomes: dict[str, Outcome]
    warnings: list[str]
    loop_reports: list[str]


class Upstreams:
    """The loopback servers standing in for a case's hosts, answering a driver's ``ROUTES``.

    Hosts the driver names in ``TLS`` are served over HTTPS with a throwaway
    CA, written to ``CA_BUNDLE`` (a path in the version's folder) for the code
    to trust the way it trusts its own.
    """

    def __init__(self, stack: ExitStack, case_folder: Path, driver: ModuleType | None) -> None:
        self.routes: dict[str, Route] = getattr(driver, "ROUTES", {})
        self.pattern = host_pattern(tuple(getattr(driver, "HOSTS", ())))
        self.ca_bundle: str = getattr(driver, "CA_BUNDLE", "")
        folders = (case_folder / "input", case_folder / "expected")
        hosts = case_hosts(self.pattern, *folders) | {key.split(" ")[1] for key in self.routes}
        tls_hosts = set(getattr(driver, "TLS", ()))
        self.tls = TlsMaterial() if tls_hosts else None
        if self.tls is not None:
            stack.callback(self.tls.remove)
        context = loopback.tls_context(self.tls.server_pem) if self.tls else None
        self.by_host = {host: CaseUpstream(host) for host in sorted(hosts)}
        for host, upstream in self.by_host.items():
            served = loopback.serve_tracked(upstream.handle, context if host in tls_hosts else None)
            upstream.server = stack.enter_context(served)
            upstream.base_url = upstream.server.url

    def serve(self, folder: Path) -> None:
        """Answer from the routes afresh, and point ``folder``'s code at these servers."""
        for host, upstream in self.by_host.items():
            upstream.take_log()
            upstream.routes = {
                key: list(route) if isinstance(route, list) else route
                for key, route in self.routes.items()
                if key.split(" ")[1] == host
            }
        _point_at(folder, self.pattern, {host: u.base_url for host, u in self.by_host.items()})
        if self.tls is not None and self.ca_bundle:
            shutil.copyfile(self.tls.ca_bundle, folder / self.ca_bundle)

    @contextlib.contextmanager
    def trusted(self) -> Iterator[None]:
        """Trust what the code says it trusts: with a CA of the case's own, requests
        would take a CA bundle named in the environment over ``session.verify``
        (psf/requests#3829), so those variables are unset meanwhile."""
        with mock.patch.dict(os.environ):
            if self.tls is not None:
                for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
                    os.environ.pop(name, None)
            yield

    def take_log(self) -> list[Request]:
        """Every request received since ``serve``, in a stable order."""
        return sorted((r for u in self.by_host.values() for r in u.take_log()), key=repr)


def run_versions(
    case_folder: Path, work: Path, driver: ModuleType
) -> tuple[VersionRun, VersionRun]:
    """Run ``driver`` on ``input/`` and on ``expected/`` of ``case_folder``."""
    with ExitStack() as stack:
        upstreams = Upstreams(stack, case_folder, driver)
        results = []
        for tag in ("before", "after"):
            source = case_folder / ("input" if tag == "before" else "expected")
            folder = work / tag
            # A case whose folder is itself a package is copied under its name.
            package = getattr(driver, "PACKAGE", "")
            shutil.copytree(source, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
            upstreams.serve(folder)
            run = Run(folder, upstreams.by_host, tag)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                # Run from the version's folder, as a project runs from its own
                # (relative paths such as verify="ca.pem" resolve there).
                with imported_from(folder), contextlib.chdir(folder), upstreams.trusted():
                    driver.drive(run)
                # What the version leaves behind (an unclosed client) warns now,
                # while its own warnings are being recorded.
                gc.collect()
            # Ports and file descriptors differ from run to run, and paths from version
            # to version (``unclosed file <... name='.../before/note.json'>``).
            seen = [
                re.sub(r"\d+", "N", str(w.message).replace(str(folder), "<version>"))
                for w in caught
            ]
            results.append(VersionRun(run.outcomes, seen, run.loop_reports))
    return results[0], results[1]


def _writes(requests: list[Request]) -> Counter[Request]:
    return Counter(r for r in requests if r.method not in ("GET", "HEAD"))


def assert_same_behaviour(
    name: str, before: VersionRun, after: VersionRun, driver: ModuleType
) -> None:
    """Check by check: the same result or kind of failure, the same upstream
    requests (a failed gather may have sent reads the legacy code never
    reached), no new warning and nothing left un-awaited."""
    assert before.outcomes, f"{name}: the driver checked nothing"
    assert list(after.outcomes) == list(before.outcomes)
    gaps: dict[str, str] = getattr(driver, "GAPS", {})
    earlier: dict[str, str] = getattr(driver, "EARLIER_FAILURES", {})
    assert not set(earlier) - set(before.outcomes), f"{name}: EARLIER_FAILURES names no check"
    for check, was in before.outcomes.items():
        now = after.outcomes[check]
        if check in gaps:
            # A known difference, TODO'd by the rule: it must still be there
            # (like a strict xfail), or the entry goes.
            assert (now.failure, now.value) != (was.failure, was.value), f"{check}: gap closed"
            continue
        assert (now.failure, now.value) == (was.failure, was.value), f"{name}: {check}"
        assert _writes(now.requests) == _writes(was.requests), f"{name}: {check}: writes"
        if was.failure is None:
            assert now.requests == was.requests, f"{name}: {check}: upstream requests differ"
        else:
            # A gather starts independent reads together: when one fails, reads
            # the sequential code never reached were already on their way.
            missing = Counter(was.requests) - Counter(now.requests)
            if check in earlier:
                # Its arguments are computed before the gather (``EARLIER_FAILURES``:
                # check -> why): reads the legacy code made before failing are not
                # made. Kept like a strict xfail: the entry goes when they are.
                assert missing, f"{name}: {check}: every read is made"
                continue
            assert not missing, f"{name}: {check}: reads not made: {missing}"
    new_warnings = list((Counter(after.warnings) - Counter(before.warnings)).elements())
    # Warnings the migrated code is known to add (``WARNS``: text -> why), kept
    # like a strict xfail: the entry goes the day the warning does.
    known: dict[str, str] = getattr(driver, "WARNS", {})
    for text in known:
        assert any(text in w for w in new_warnings), f"{name}: {text!r} is gone"
    # Those that depend on when the collector frees an object a worker thread may
    # still hold (``GC_WARNS``): allowed, not required, as no run can force them.
    known = {**known, **getattr(driver, "GC_WARNS", {})}
    new_warnings = [w for w in new_warnings if not any(text in w for text in known)]
    assert not new_warnings, f"{name}: {new_warnings}"
    # Blocking calls the migrated code is known to make on its loop (``BLOCKS``:
    # text -> why), kept like a strict xfail too.
    blocks: dict[str, str] = getattr(driver, "BLOCKS", {})
    for text in blocks:
        assert any(text in r for r in after.loop_reports), f"{name}: {text!r} is gone"
    reports = [r for r in after.loop_reports if not any(text in r for text in blocks)]
    assert not reports, f"{name}: {reports}"


def migrated_case(
    folder: Path,
    files: dict[str, str],
    options: RewriteOptions | None = None,
    scope: Scope | None = None,
) -> dict[str, str]:
    """A case made on the spot: ``files`` (dedented) as ``input/``, what the
    pipeline writes for them as ``expected/``; returns the migrated text by path."""
    for name, text in files.items():
        path = folder / "input" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    written, _ = rewrite(folder / "input", options or RewriteOptions(), scope)
    for name, data in written.items():
        path = folder / "expected" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {name: data.decode() for name, data in written.items()}


def driver_of(drive: Callable[[Run], None], **attributes: Any) -> ModuleType:
    """A driver module made of ``drive`` and ``ROUTES=``, ``HOSTS=``... as a ``driver.py`` has."""
    module = ModuleType("driver")
    module.drive = drive  # type: ignore[attr-defined]
    module.__dict__.update(attributes)
    return module


PYTEST_INI = """\
[pytest]
filterwarnings = error
asyncio_mode = {mode}
asyncio_default_fixture_loop_scope = function
"""


def _own(source: Path) -> str:
    """The settings of the case's own pytest.ini that say which tests there are."""
    path = source / "pytest.ini"
    text = path.read_text("utf-8") if path.is_file() else ""
    return "".join(f"{line}\n" for line in re.findall(r"^python_files[ \t]*=.*$", text, re.M))


@dataclass
class SuiteRun:
    """Outcome per test of a case's own suite, and the requests it made upstream."""

    outcomes: dict[str, str]
    requests: list[Request]


def run_case_tests(
    case_folder: Path, work: Path, asyncio_mode: str, driver: ModuleType | None = None
) -> tuple[SuiteRun, SuiteRun]:
    """The case's own tests, run on ``input/`` and on ``expected/``.

    The hosts they reach are served on loopback from ``driver``'s ``ROUTES``
    (a case's ``driver.py`` without ``drive``), as for a driven case.
    """
    runs = []
    with ExitStack() as stack:
        upstreams = Upstreams(stack, case_folder, driver)
        for tag in ("before", "after"):
            source = case_folder / ("input" if tag == "before" else "expected")
            folder = work / tag
            shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__"))
            upstreams.serve(folder)
            (folder / "pytest.ini").write_text(PYTEST_INI.format(mode=asyncio_mode) + _own(source))
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-p",
                    "no:cacheprovider",
                    "-rA",
                    "-q",
                    "-c",
                    "pytest.ini",
                    "--rootdir",
                    ".",
                ],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env={**os.environ, "PYTHONPATH": str(folder)},
            )
            lines = re.findall(
                r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (\S+)", result.stdout, re.M
            )
            outcomes = {test: outcome for outcome, test in lines}
            runs.append(
                SuiteRun(outcomes or {"<run>": result.stdout[-2000:]}, upstreams.take_log())
            )
    return runs[0], runs[1]
