"""The helpers module migrated code imports: written once per top-level package.

A gather that keeps order and a client per event loop need a little code of
their own. Copying it into every module that uses it would leave as many
copies to read and fix as there are users; instead each top-level package
(or folder of loose modules) gets one generated module, ``_async_helpers.py``
by default, and the rewritten modules import from it, relatively or
absolutely as the package's own imports do. This module is long because it
holds each helper's source as data, next to the code that renders them.

The module is rendered from the set of helpers its package needs, always in
the same order, so a gradual migration that adds a helper at a later step
ends with the same bytes as a one-shot run. It needs only the standard
library and the HTTP module.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..analyse.catalogue import MOCK_RAISES
from ..analyse.frameworks import is_test_path
from ..read.sources import HELPERS_MARKER
from .wrap import DEFAULT_LINE_LENGTH, wrap_changed_lines

DEFAULT_MODULE = "_async_helpers"

# The docstring's first line marks a module as this toolkit's: only such a
# module is ever rewritten, so a user's file of the same name is never lost.
MARKER = HELPERS_MARKER

STDLIB = sys.stdlib_module_names
_DOCSTRING = f'''"""{MARKER}

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and {{needs}}.
"""'''


def name_order(name: str) -> tuple[int, str]:
    """isort's ``order-by-type`` (ruff's default): CONSTANTS, Classes, functions."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower()


@dataclass(frozen=True)
class Helper:
    """One helper: the names it defines, its code, what it imports."""

    name: str
    code: str  # ``{http}`` stands for the HTTP module
    imports: tuple[str, ...]  # import lines, ``{http}`` allowed
    private: tuple[str, ...] = ()  # other top-level names its code defines
    needs: tuple[str, ...] = ()  # other helpers its code calls


TLS_CONTEXT = Helper(
    "TLS_CONTEXT",
    '''\
# One TLS context for every client the package makes: {http} would load the CA
# bundle again for each one (~15 ms), and where sync code runs each call on a
# new event loop, a client lives one call.
TLS_CONTEXT = {http}.create_ssl_context()


def _request_log_at_debug(record: logging.LogRecord) -> bool:
    """httpx logs each request at INFO, where urllib3 logged it at DEBUG: a
    program logging at INFO would print a line it never printed."""
    if record.levelno != logging.INFO:
        return True
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


logging.getLogger("httpx").addFilter(_request_log_at_debug)''',
    ("import logging", "import {http}"),
    private=("_request_log_at_debug",),
)

REQUESTS_TLS = Helper(
    "requests_tls",
    '''\
def requests_tls(verify: Any = True, cert: Any = None) -> ssl.SSLContext | bool:
    """requests' ``verify=`` (a bool, or the path of a CA bundle or directory)
    and ``cert=`` (a file, or a (certificate, key) pair) as the SSL context
    {http} takes as ``verify=``: its ``cert=``, and a path as ``verify=``, are
    deprecated."""
    if isinstance(verify, ssl.SSLContext):
        context = verify
    elif isinstance(verify, (str, os.PathLike)):
        path = os.fspath(verify)
        if os.path.isdir(path):
            context = ssl.create_default_context(capath=path)
        else:
            context = ssl.create_default_context(cafile=path)
    elif not cert:
        return TLS_CONTEXT if verify or verify is None else False
    else:
        context = {http}.create_ssl_context(verify=verify is not False)
    if isinstance(cert, (str, os.PathLike)):
        context.load_cert_chain(cert)
    elif cert:
        context.load_cert_chain(*cert)
    return context''',
    ("import os", "import ssl", "from typing import Any", "import {http}"),
    needs=("TLS_CONTEXT",),
)

POOL_PER_ORIGIN = Helper(
    "PoolPerOrigin",
    '''\
#: Scheme, host and port (None for the scheme's default).
Origin = tuple[bytes, bytes, int | None]


class PoolPerOrigin({http}.AsyncBaseTransport):
    """Kept-alive connections per origin, for a client serving a whole process.

    httpcore's pool checks every connection it holds, polling each idle one's
    socket, on every request and every response (encode/httpx#3215): a call
    costs CPU for each connection of its pool, and a process-wide pool holds
    as many as were ever busy at once. Here each connection is a pool of its
    own (``{http}.AsyncHTTPTransport(**settings)`` holding one connection): a
    call takes its origin's most recently used idle one, or opens one, and
    gives it back when its response is closed, so it pays for its own
    connection only. Without ``limits``, like requests' pool, none makes a call
    wait for a connection or drops one that is in use; idle ones close after
    ``keepalive_expiry``. ``limits`` apply per origin. Under HTTP/2, where one
    connection carries many calls, each origin has one pool.
    """

    def __init__(self, **settings: Any) -> None:
        self._limits = settings.pop("limits", None) or {http}.Limits(
            max_connections=None, max_keepalive_connections=None
        )
        if not isinstance(settings.get("verify"), ssl.SSLContext):
            # Made once: each pool would load the CA bundle again (~15 ms).
            settings["verify"] = {http}.create_ssl_context(
                verify=settings.get("verify", True),
                cert=settings.pop("cert", None),
                trust_env=settings.get("trust_env", True),
            )
        self._settings = settings
        self._origins: dict[Origin, _OriginConnections] = {{}}
        self._shared: dict[Origin, {http}.AsyncHTTPTransport] = {{}}

    async def handle_async_request(self, request: {http}.Request) -> {http}.Response:
        url = request.url
        origin: Origin = url.raw_scheme, url.raw_host, url.port
        if self._settings.get("http2"):
            pool = self._shared.get(origin)
            if pool is None:
                pool = {http}.AsyncHTTPTransport(limits=self._limits, **self._settings)
                self._shared[origin] = pool
            return await pool.handle_async_request(request)
        connections = self._origins.get(origin)
        if connections is None:
            connections = _OriginConnections(self._limits, self._settings)
            self._origins[origin] = connections
        return await connections.send(request)

    async def aclose(self) -> None:
        for connections in self._origins.values():
            await connections.aclose()
        for pool in self._shared.values():
            await pool.aclose()


#: Idle connections, and since when.
Idle = collections.deque[tuple[float, {http}.AsyncHTTPTransport]]


class _OriginConnections:
    """One origin's connections, each a pool of its own.

    The idle ones are kept oldest first.
    """

    def __init__(self, limits: {http}.Limits, settings: dict[str, Any]) -> None:
        self._limits = limits
        self._settings = {{
            "limits": {http}.Limits(
                max_connections=1,
                max_keepalive_connections=1,
                keepalive_expiry=limits.keepalive_expiry,
            ),
            **settings,
        }}
        self._idle: Idle = collections.deque()
        self._busy: set[{http}.AsyncHTTPTransport] = set()
        most = limits.max_connections
        self._free = asyncio.Semaphore(most) if most is not None else None

    async def send(self, request: {http}.Request) -> {http}.Response:
        if self._free is not None:
            await self._free.acquire()
        try:
            connection = await self._take()
        except BaseException:
            if self._free is not None:
                self._free.release()
            raise
        try:
            response = await connection.handle_async_request(request)
        except BaseException:
            self._give_back(connection)
            raise
        assert isinstance(response.stream, {http}.AsyncByteStream)
        response.stream = _GivesBack(response.stream, connection, self._give_back)
        return response

    async def _take(self) -> {http}.AsyncHTTPTransport:
        expiry = self._limits.keepalive_expiry
        keep = self._limits.max_keepalive_connections
        now = time.monotonic()
        while self._idle and (
            (expiry is not None and now - self._idle[0][0] > expiry)
            or (keep is not None and len(self._idle) > keep)
        ):
            await self._idle.popleft()[1].aclose()
        if self._idle:
            connection = self._idle.pop()[1]
        else:
            connection = {http}.AsyncHTTPTransport(**self._settings)
        self._busy.add(connection)
        return connection

    def _give_back(self, connection: {http}.AsyncHTTPTransport) -> None:
        self._busy.discard(connection)
        self._idle.append((time.monotonic(), connection))
        if self._free is not None:
            self._free.release()

    async def aclose(self) -> None:
        connections = [*self._busy, *(connection for _, connection in self._idle)]
        self._busy.clear()
        self._idle.clear()
        for connection in connections:
            await connection.aclose()


class _GivesBack({http}.AsyncByteStream):
    """A response body that gives its connection back once closed."""

    def __init__(
        self,
        stream: {http}.AsyncByteStream,
        connection: {http}.AsyncHTTPTransport,
        give_back: Callable[[{http}.AsyncHTTPTransport], None],
    ) -> None:
        self._stream = stream
        self._connection = connection
        self._give_back: Callable[[{http}.AsyncHTTPTransport], None] | None = give_back

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            give_back, self._give_back = self._give_back, None
            if give_back is not None:
                give_back(self._connection)''',
    (
        "import asyncio",
        "import collections",
        "import ssl",
        "import time",
        "from collections.abc import AsyncIterator, Callable",
        "from typing import Any",
        "import {http}",
    ),
    private=("Origin", "Idle", "_OriginConnections", "_GivesBack"),
)

ASYNC_CLIENT_PER_LOOP = Helper(
    "AsyncClientPerLoop",
    '''\
if TYPE_CHECKING:
    # Type checkers see the client it hands out: ``session.get(...)`` keeps
    # {http}'s types. At run time every attribute is the running loop's
    # client's.
    _ClientBase = {http}.AsyncClient
else:
    _ClientBase = object

# What setting on a session sets up the clients it stands for.
_CLIENT_SETTINGS = frozenset(
    {{
        "auth",
        "base_url",
        "cookies",
        "event_hooks",
        "follow_redirects",
        "headers",
        "max_redirects",
        "params",
        "timeout",
    }}
)
# The wrapper's own state: any other attribute set on it sets its clients up.
_OWN_STATE = frozenset(
    {{"_make_client", "_latest", "_loop_clients", "_closers", "_guard", "_carried"}}
)


class AsyncClientPerLoop(_ClientBase):
    """One {http}.AsyncClient per running event loop, made by ``factory``.

    Sync code calling async code (asyncio.run, asgiref's async_to_sync) runs
    each call on a new event loop, and a client must not be used on a loop
    other than its own (encode/httpx#2473). Each loop gets its own client,
    reused by every request made on that loop and closed on it when the
    loop's runner cancels what is left at shutdown. A new loop's client
    starts from the session as the last one left it (headers, auth, query
    parameters, timeouts...), and all of them share one cookie jar: a login
    made during one call holds for the next, as it did on the one session the
    code had.
    """

    def __init__(self, factory: Callable[[], {http}.AsyncClient]) -> None:
        self._make_client = factory
        self._latest: {http}.AsyncClient | None = None
        self._loop_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, {http}.AsyncClient
        ] = weakref.WeakKeyDictionary()
        self._closers: set[asyncio.Task[None]] = set()
        self._guard = threading.Lock()
        # What a new client copies from the latest one.
        self._carried = set(_CLIENT_SETTINGS - {{"cookies"}})

    def __getattr__(self, name: str) -> Any:
        try:
            client = self._running_client()
        except RuntimeError:
            if not inspect.iscoroutinefunction(getattr({http}.AsyncClient, name, None)):
                # Sync code setting the session up
                # (``session.headers.update(...)``) where no loop runs: the
                # next loop's client starts from this one.
                return getattr(self._idle_client(), name)

            # Looked up where no loop runs (``async_to_sync(session.get)`` in
            # sync code): the call picks the client of the loop it runs on.
            async def on_running_loop(*args: Any, **kwargs: Any) -> Any:
                return await getattr(self._running_client(), name)(*args, **kwargs)

            return on_running_loop
        return getattr(client, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN_STATE or (name not in _CLIENT_SETTINGS and callable(value)):
            # Its own state, or a test's patch.
            object.__setattr__(self, name, value)
            return
        # ``session.auth = ...`` (or ``session.token = ...`` on a subclass's)
        # sets the session up: every loop's client, and the latest one (its
        # loop may be gone), which the next loop's copies.
        with self._guard:
            clients = {{self._latest or self._new_client(), *self._loop_clients.values()}}
            if name != "cookies":
                self._carried.add(name)
        for client in clients:
            setattr(client, name, value)

    def _running_client(self) -> {http}.AsyncClient:
        loop = asyncio.get_running_loop()
        with self._guard:
            client = self._loop_clients.get(loop)
            if client is None:
                client = self._loop_clients[loop] = self._new_client()
                closer = loop.create_task(self._close_at_shutdown(client))
                self._closers.add(closer)
                closer.add_done_callback(self._closers.discard)
        return client

    def _idle_client(self) -> {http}.AsyncClient:
        with self._guard:
            return self._latest or self._new_client()

    def _new_client(self) -> {http}.AsyncClient:
        client = self._make_client()
        if self._latest is not None:
            for name in self._carried:
                setattr(client, name, getattr(self._latest, name))
            client.cookies = self._latest.cookies.jar  # one jar, shared
        self._latest = client
        return client

    def close(self) -> None:
        """``session.close()`` in sync code: close the idle loops' clients.

        A running loop's client closes when that loop shuts down, as the
        clients of asyncio.run's and async_to_sync's loops already have.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            return
        with self._guard:
            idle = [loop for loop in self._loop_clients if not loop.is_running()]
            clients = [(loop, self._loop_clients.pop(loop)) for loop in idle]
        for loop, client in clients:
            if not loop.is_closed():
                loop.run_until_complete(client.aclose())

    @staticmethod
    async def _close_at_shutdown(client: {http}.AsyncClient) -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            # Its loop shuts down. A loop closed without cancelling what it
            # still held throws GeneratorExit here instead, with no loop left
            # to close on.
            await client.aclose()
            raise''',
    (
        "import asyncio",
        "import inspect",
        "import threading",
        "import weakref",
        "from collections.abc import Callable",
        "from typing import TYPE_CHECKING, Any",
        "import {http}",
    ),
    private=("_ClientBase", "_CLIENT_SETTINGS", "_OWN_STATE"),
)

CALLS_MADE = Helper(
    "_calls_made",
    '''\
#: What a gather takes: a call, a tuple of one item's calls, or a generator
#: (or ``map``) of either: ``(fetch(x) for x in xs)``.
Calls = Awaitable[Any] | tuple[Awaitable[Any], ...] | Iterator[Any] | AsyncIterator[Any]


async def _calls_made(calls: tuple[Calls, ...]) -> tuple[list[Any], Exception | None]:
    """The calls (and tuples of calls) ``calls`` holds, a generator's made
    item by item; and what a generator raised while making one. The loop a
    gather replaces raised it after making the calls before it, which the
    gather still makes: none is left never awaited. Anything else is a call,
    awaited as it is (a plain value fails there, as it did)."""
    made: list[Any] = []
    try:
        for call in calls:
            if inspect.isasyncgen(call):
                async for each in call:
                    made.append(each)
            elif inspect.isgenerator(call) or isinstance(call, map):
                for each in call:
                    made.append(each)
            else:
                made.append(call)
    except Exception as error:
        return made, error
    return made, None''',
    (
        "import inspect",
        "from collections.abc import AsyncIterator, Awaitable, Iterator",
        "from typing import Any",
    ),
    private=("Calls",),
)

GATHER_IN_ORDER = Helper(
    "gather_in_order",
    '''\
async def gather_in_order(
    *calls: Calls,
    limit: int | None = None,
    return_exceptions: bool = False,
    raise_for_status: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently (``limit`` at a time); results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it as soon as it
    fails. A tuple of calls (an item's calls) gives the tuple of their results;
    a generator gives its calls, one result each. With ``return_exceptions``,
    every call runs and a failure takes its result's place. With
    ``raise_for_status``, a response with a 4xx or 5xx status fails its call,
    as the code checking it right after the call stopped there.
    """
    made, unmade = await _calls_made(calls)
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in made for c in (item if isinstance(item, tuple) else (item,))]
    tasks: list[asyncio.Future[Any]] = []

    async def run(index: int, call: Awaitable[Any]) -> Any:
        if semaphore is not None:
            await semaphore.acquire()
        try:
            result = await call
            if raise_for_status and result.is_error:
                result.raise_for_status()
            return result
        except Exception:
            stop_after(index)  # before its slot frees: no later call starts
            raise
        finally:
            if semaphore is not None:
                semaphore.release()

    def stop_after(index: int) -> None:
        if not return_exceptions:
            for later in tasks[index + 1 :]:
                # A call after a failure: its result is never used.
                later.cancel()

    tasks += [asyncio.ensure_future(run(i, call)) for i, call in enumerate(flat)]
    try:
        if return_exceptions:
            results = list(await asyncio.gather(*tasks, return_exceptions=True))
        else:
            results = [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    done = iter(results)
    grouped: list[Any] = []
    for item in made:
        if isinstance(item, tuple):
            grouped.append(tuple(next(done) for _ in item))
        else:
            grouped.append(next(done))
    if unmade is not None:
        raise unmade
    return grouped''',
    (
        "import asyncio",
        "import inspect",
        "from collections.abc import Awaitable",
        "from typing import Any",
    ),
    needs=("_calls_made",),
)

GATHER_OUTCOMES = Helper(
    "gather_outcomes",
    '''\
class Outcome:
    """What a call gave: ``result()`` returns it, or raises its failure."""

    __slots__ = ("_error", "_value")

    def __init__(self, value: Any = None, error: Exception | None = None) -> None:
        self._value = value
        self._error = error

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value

    def exception(self) -> Exception | None:
        return self._error


async def gather_outcomes(
    *calls: Calls,
    limit: int | None = None,
    caught: type[Exception] | tuple[type[Exception], ...] = (),
    raise_for_status: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently (``limit`` at a time); outcomes in order.

    For code that takes each result where it used to make the call, with
    ``outcome.result()``: a failure is raised there, after what the sequential
    code did before it. The first failure that is not ``caught`` (by the code
    taking the results) stops the gather: the calls after it are cancelled and
    their outcomes are None, as the sequential code never made them. The calls
    of a tuple (one item's) run one after another, up to the first failure.
    A generator gives its calls, one outcome each.
    """
    made, unmade = await _calls_made(calls)
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in made for c in (item if isinstance(item, tuple) else (item,))]

    tasks: list[asyncio.Future[Any]] = []

    async def run(index: int, call: Awaitable[Any]) -> Outcome:
        if semaphore is not None:
            await semaphore.acquire()
        try:
            result = await call
            if raise_for_status and result.is_error:
                result.raise_for_status()  # a 4xx/5xx fails its call
            return Outcome(result)
        except Exception as error:
            # Before its slot frees: no later call starts.
            stop_after(index, error)
            return Outcome(error=error)
        finally:
            if semaphore is not None:
                semaphore.release()

    def stop_after(index: int, error: Exception) -> None:
        if not isinstance(error, caught):
            for later in tasks[index + 1 :]:
                later.cancel()  # the sequential code never made them

    async def in_turn(index: int, item: tuple[Any, ...]) -> tuple[Outcome | None, ...]:
        outcomes: list[Outcome | None] = [None] * len(item)
        for position, call in enumerate(item):
            outcomes[position] = outcome = await run(index, call)
            if outcome.exception() is not None:
                break
        return tuple(outcomes)

    def failure(item: Outcome | tuple[Outcome | None, ...]) -> Exception | None:
        if isinstance(item, tuple):  # its calls stopped at the first failure
            item = [o for o in item if o is not None][-1]
        return item.exception()

    tasks += [
        asyncio.ensure_future(in_turn(i, c) if isinstance(c, tuple) else run(i, c))
        for i, c in enumerate(made)
    ]
    outcomes: list[Any] = [None] * len(made)
    try:
        for index, task in enumerate(tasks):
            outcomes[index] = await task
            error = failure(outcomes[index])
            if error is not None and not isinstance(error, caught):
                break
        else:
            if unmade is not None:
                raise unmade
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    return outcomes''',
    (
        "import asyncio",
        "import inspect",
        "from collections.abc import Awaitable",
        "from typing import Any",
    ),
    private=("Outcome",),
    needs=("_calls_made",),
)

RUN_COROUTINE = Helper(
    "run_coroutine",
    '''\
T = TypeVar("T")


def run_coroutine(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` from sync code, even where an event loop runs.

    An ASGI server may call the app factory on its own loop (``uvicorn
    --factory`` does), where ``asyncio.run`` refuses to start: there ``main``
    runs on a loop of its own in a worker thread, and this call waits for it.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main).result()''',
    (
        "import asyncio",
        "import concurrent.futures",
        "from collections.abc import Coroutine",
        "from typing import Any, TypeVar",
    ),
    private=("T",),
)

RUN_SOON = Helper(
    "run_soon",
    '''\
_RUNNING: set[asyncio.Task[Any]] = set()


def run_soon(main: Coroutine[Any, Any, Any]) -> None:
    """Run ``main`` from sync code that cannot wait for it (``__del__``).

    An object may be collected anywhere. Where no event loop runs, ``main``
    runs to the end on a loop of its own; where one runs (the object's client
    is likely that loop's), it runs there as a task, kept until it is done.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(main)
        return
    task = loop.create_task(main)
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)''',
    (
        "import asyncio",
        "from collections.abc import Coroutine",
        "from typing import Any",
    ),
    private=("_RUNNING",),
)

BLOCK_ON = Helper(
    "block_on",
    '''\
def block_on(call: Awaitable[Any]) -> Any:
    """Wait for ``call`` from sync code Python runs itself (``__eq__``,
    ``__str__``, ``__call__``...), wherever that runs: off the event loop as
    ``async_to_sync`` does; on a thread whose loop is running (async code
    comparing, printing, calling), where ``async_to_sync`` raises, on a loop of
    its own on a worker thread, this thread waiting for it as the legacy call
    blocked it."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return async_to_sync(_awaited)(call)
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, _awaited(call)).result()


async def _awaited(call: Awaitable[Any]) -> Any:
    return await call''',
    (
        "import asyncio",
        "from collections.abc import Awaitable",
        "from concurrent.futures import ThreadPoolExecutor",
        "from typing import Any",
        "from asgiref.sync import async_to_sync",
    ),
    private=("_awaited",),
)

TASK_POOL = Helper(
    "TaskPool",
    '''\
class TaskPool:
    """A thread pool's ``submit`` and ``as_completed``, on the event loop.

    At most ``limit`` submitted calls run at once. ``as_completed`` hands back
    the tasks themselves as they finish (so ``futures[future]`` still finds
    what was submitted), like ``concurrent.futures.as_completed``. Leaving the
    block, even by an exception, ``return`` or ``break``, waits for every
    submitted call to run to its end (``limit`` at a time), as leaving a
    ``ThreadPoolExecutor`` block did. Only a cancellation (a timeout around
    the block) or Ctrl-C cancels the calls left, and closes those that never
    started. A failure nobody took with ``result()`` is retrieved, not raised.
    """

    def __init__(self, limit: int | None = None) -> None:
        self._semaphore = asyncio.Semaphore(limit) if limit else None
        self._calls: list[Awaitable[Any]] = []
        self._tasks: list[asyncio.Task[Any]] = []

    async def __aenter__(self) -> TaskPool:
        return self

    async def __aexit__(self, kind: object, error: object, traceback: object) -> None:
        if isinstance(error, (asyncio.CancelledError, KeyboardInterrupt)):
            for task in self._tasks:
                task.cancel()
        try:  # cancelled here, gather cancels the tasks and waits for them
            await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:  # closes the calls that never started (a no-op on the others)
            for call in self._calls:
                if inspect.iscoroutine(call):
                    call.close()

    def submit(self, call: Awaitable[Any]) -> asyncio.Task[Any]:
        async def run() -> Any:
            if self._semaphore is None:
                return await call
            async with self._semaphore:
                return await call

        task = asyncio.ensure_future(run())
        self._calls.append(call)
        self._tasks.append(task)
        return task

    async def as_completed(
        self, tasks: Iterable[asyncio.Task[Any]]
    ) -> AsyncIterator[asyncio.Task[Any]]:
        pending, first = set(tasks), asyncio.FIRST_COMPLETED
        while pending:
            done, pending = await asyncio.wait(pending, return_when=first)
            for task in sorted(done, key=self._tasks.index):
                yield task''',
    (
        "import asyncio",
        "import inspect",
        "from collections.abc import AsyncIterator, Awaitable, Iterable",
        "from typing import Any",
    ),
)

ASYNC_MEMO = Helper(
    "async_memo",
    '''\
class CacheInfo(NamedTuple):
    """What ``functools.lru_cache``'s ``cache_info()`` tells."""

    hits: int
    misses: int
    maxsize: int | None
    currsize: int


def async_memo(
    maxsize: int | None = 128,
    cache: MutableMapping[Hashable, Any] | None = None,
    key: Callable[..., Hashable] | None = None,
) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., Awaitable[Any]]]:
    """Memoise an async function: the cache holds results, never coroutines.

    Like ``functools.lru_cache`` (the ``maxsize`` most recently used results;
    ``None``: no limit), or over ``cache``, a mapping such as a cachetools
    ``TTLCache`` that evicts by itself, with its ``key`` function. Callers of
    one key on one event loop share a single call in flight; a call that
    raises caches nothing. ``cache_clear()``, ``cache_info()`` and ``cache``
    work as they did.
    """

    def decorate(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        store: MutableMapping[Hashable, Any]
        store = OrderedDict() if cache is None else cache
        in_flight: dict[Hashable, asyncio.Future[Any]] = {{}}
        counts = [0, 0]  # hits, misses

        @functools.wraps(fn)
        async def memoised(*args: Any, **kwargs: Any) -> Any:
            k = key(*args, **kwargs) if key else (args, tuple(sorted(kwargs.items())))
            try:
                value = store[k]
            except KeyError:
                pass
            else:
                counts[0] += 1
                if isinstance(store, OrderedDict):
                    store.move_to_end(k)
                return value
            loop = asyncio.get_running_loop()
            pending = in_flight.get(k)
            if pending is not None and pending.get_loop() is loop:
                counts[0] += 1
                return await asyncio.shield(pending)
            counts[1] += 1
            pending = in_flight[k] = loop.create_future()
            try:
                value = await fn(*args, **kwargs)
            except BaseException as exc:
                if isinstance(exc, asyncio.CancelledError):
                    pending.cancel()
                else:
                    pending.set_exception(exc)
                    # Retrieved: no warning when no one else waits.
                    pending.exception()
                raise
            finally:
                if in_flight.get(k) is pending:
                    del in_flight[k]
            pending.set_result(value)
            store[k] = value
            too_many = maxsize is not None and len(store) > maxsize
            if isinstance(store, OrderedDict) and too_many:
                store.popitem(last=False)
            return value

        def cache_clear() -> None:
            store.clear()
            counts[:] = [0, 0]

        def cache_info() -> CacheInfo:
            return CacheInfo(counts[0], counts[1], maxsize, len(store))

        memoised.cache = store  # type: ignore[attr-defined]
        memoised.cache_clear = cache_clear  # type: ignore[attr-defined]
        memoised.cache_info = cache_info  # type: ignore[attr-defined]
        return memoised

    return decorate''',
    (
        "import asyncio",
        "import functools",
        "from collections import OrderedDict",
        "from collections.abc import Awaitable, Callable, Hashable, MutableMapping",
        "from typing import Any, NamedTuple",
    ),
    private=("CacheInfo",),
)

COLLECT = Helper(
    "collect",
    '''\
async def collect(items: AsyncIterator[Any], limit: int | None = None) -> list[Any]:
    """The items of an async generator, in order: sync code reads a generator
    that became async with ``async_to_sync(collect)(gen(...))``. With ``limit``
    it stops after that many items and closes the generator, which fetches no
    further, as a sync ``next(gen())`` left the rest unfetched."""
    found: list[Any] = []
    try:
        async for item in items:
            found.append(item)
            if limit is not None and len(found) >= limit:
                break
    finally:
        aclose = getattr(items, "aclose", None)
        if aclose is not None:
            await aclose()
    return found''',
    ("from collections.abc import AsyncIterator", "from typing import Any"),
)

ASYNC_ITER = Helper(
    "async_iter",
    '''\
def async_iter(items: Iterable[Any] | AsyncIterable[Any]) -> AsyncIterator[Any]:
    """An async iterator over ``items``, a plain iterable or an async one: what
    a function gives that returns either (``Union[Pager, list[Item]]``) is
    iterated with ``async for`` through it. An async iterable gives its own
    iterator, so a loop that stops early fetches no more than it did."""
    if isinstance(items, AsyncIterable):
        return aiter(items)
    return _PlainItems(iter(items))


class _PlainItems:
    def __init__(self, items: Iterator[Any]) -> None:
        self._items = items

    def __aiter__(self) -> _PlainItems:
        return self

    async def __anext__(self) -> Any:
        try:
            return next(self._items)
        except StopIteration:
            raise StopAsyncIteration from None''',
    (
        "from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator",
        "from typing import Any",
    ),
    private=("_PlainItems",),
)

THREAD_ITEMS = Helper(
    "thread_items",
    '''\
async def thread_items(items: Iterable[Any], **bridge: bool) -> AsyncIterator[Any]:
    """The items of a sync generator that blocks (reading a file, a database),
    each made on a worker thread, as ``async for`` takes them: the event loop
    runs on meanwhile. ``thread_sensitive=True`` makes every item on the one
    thread asgiref keeps for code bound to its thread (a sqlite3
    connection)."""
    step = sync_to_async(next, thread_sensitive=bridge.get("thread_sensitive", False))
    iterator = iter(items)
    while (item := await step(iterator, _NO_ITEM)) is not _NO_ITEM:
        yield item


_NO_ITEM = object()''',
    (
        "from collections.abc import AsyncIterator, Iterable",
        "from typing import Any",
        "from asgiref.sync import sync_to_async",
    ),
    private=("_NO_ITEM",),
)

AISLICE = Helper(
    "aislice",
    '''\
async def aislice(items: AsyncIterable[Any], *bounds: int | None) -> AsyncIterator[Any]:
    """``itertools.islice`` over an async iterable: the same items, read as
    ``islice`` reads them (the skipped ones too, and none past the last it
    gives), so a generator that fetches a page at a time fetches the same
    pages."""
    window = slice(*bounds)
    start, stop, step = window.start or 0, window.stop, window.step or 1
    iterator = aiter(items)
    index, wanted = 0, start
    while True:
        while index < wanted:
            try:
                await anext(iterator)
            except StopAsyncIteration:
                return
            index += 1
        if stop is not None and index >= stop:
            return
        try:
            item = await anext(iterator)
        except StopAsyncIteration:
            return
        index += 1
        yield item
        wanted = wanted + step if stop is None else min(wanted + step, stop)''',
    ("from collections.abc import AsyncIterable, AsyncIterator", "from typing import Any"),
)

AENUMERATE = Helper(
    "aenumerate",
    '''\
async def aenumerate(items: AsyncIterable[Any], start: int = 0) -> AsyncIterator[Any]:
    """``enumerate`` over an async iterable, one item per turn."""
    async for item in items:
        yield start, item
        start += 1''',
    ("from collections.abc import AsyncIterable, AsyncIterator", "from typing import Any"),
)

AZIP = Helper(
    "azip",
    '''\
async def azip(*iterables: Iterable[Any] | AsyncIterable[Any]) -> AsyncIterator[Any]:
    """``zip`` over async iterables (plain ones too): it stops at the first
    that ends, having taken from the ones before it what ``zip`` took."""
    iterators = [async_iter(items) for items in iterables]
    while True:
        row = []
        for iterator in iterators:
            try:
                row.append(await anext(iterator))
            except StopAsyncIteration:
                return
        yield tuple(row)''',
    (
        "from collections.abc import AsyncIterable, AsyncIterator, Iterable",
        "from typing import Any",
    ),
    needs=("async_iter",),
)

ATAKEWHILE = Helper(
    "atakewhile",
    '''\
async def atakewhile(
    predicate: Callable[[Any], Any], items: AsyncIterable[Any]
) -> AsyncIterator[Any]:
    """``itertools.takewhile`` over an async iterable: it stops at the first
    item the predicate refuses, having read it, as ``takewhile`` does."""
    async for item in items:
        if not predicate(item):
            return
        yield item''',
    (
        "from collections.abc import AsyncIterable, AsyncIterator, Callable",
        "from typing import Any",
    ),
)

ADROPWHILE = Helper(
    "adropwhile",
    '''\
async def adropwhile(
    predicate: Callable[[Any], Any], items: AsyncIterable[Any]
) -> AsyncIterator[Any]:
    """``itertools.dropwhile`` over an async iterable: the items from the first
    one the predicate refuses on."""
    dropping = True
    async for item in items:
        if dropping and predicate(item):
            continue
        dropping = False
        yield item''',
    (
        "from collections.abc import AsyncIterable, AsyncIterator, Callable",
        "from typing import Any",
    ),
)

AFILTER = Helper(
    "afilter",
    '''\
async def afilter(
    predicate: Callable[[Any], Any] | None, items: AsyncIterable[Any]
) -> AsyncIterator[Any]:
    """``filter`` over an async iterable (``None``: the true items)."""
    async for item in items:
        if predicate(item) if predicate is not None else item:
            yield item''',
    (
        "from collections.abc import AsyncIterable, AsyncIterator, Callable",
        "from typing import Any",
    ),
)

AANY = Helper(
    "aany",
    '''\
async def aany(items: AsyncIterable[Any]) -> bool:
    """``any`` over an async iterable: it stops at the first true item."""
    async for item in items:
        if item:
            return True
    return False''',
    ("from collections.abc import AsyncIterable", "from typing import Any"),
)

AALL = Helper(
    "aall",
    '''\
async def aall(items: AsyncIterable[Any]) -> bool:
    """``all`` over an async iterable: it stops at the first false item."""
    async for item in items:
        if not item:
            return False
    return True''',
    ("from collections.abc import AsyncIterable", "from typing import Any"),
)

COLLECTING = Helper(
    "collecting",
    '''\
def collecting(function: Callable[..., AsyncIterator[Any]]) -> Callable[..., list[Any]]:
    """A generator function that became async, handed to sync code that
    iterates what it gives: each call gives its items, collected on one event
    loop."""

    def items(*args: Any, **kwargs: Any) -> list[Any]:
        return async_to_sync(collect)(function(*args, **kwargs))

    return items''',
    (
        "from collections.abc import AsyncIterator, Callable",
        "from typing import Any",
        "from asgiref.sync import async_to_sync",
    ),
    needs=("collect",),
)

CACHED_RESULT = Helper(
    "cached_result",
    '''\
def cached_result(
    method: Callable[[Any], Awaitable[Any]],
) -> Callable[[Any], Awaitable[Any]]:
    """``functools.cached_property`` for a getter that became async.

    ``obj.name`` is read as ``await obj.name()``.

    The first call on an instance runs ``method`` and keeps its result in the
    instance's ``__dict__`` (it lives and dies with the instance, as the
    property's value did); calls made meanwhile on the same event loop share
    that call; a call that raises keeps nothing.
    """
    slot = f"_{{method.__name__}}_result"

    @functools.wraps(method)
    async def cached(self: Any) -> Any:
        entry = vars(self).get(slot, _MISSING)
        if not isinstance(entry, asyncio.Future):
            if entry is not _MISSING:
                return entry
        elif entry.get_loop() is asyncio.get_running_loop():
            return await asyncio.shield(entry)
        pending = vars(self)[slot] = asyncio.ensure_future(method(self))
        try:
            value = await asyncio.shield(pending)
        except BaseException:
            if vars(self).get(slot) is pending:
                del vars(self)[slot]
            raise
        vars(self)[slot] = value
        return value

    return cached


_MISSING = object()''',
    (
        "import asyncio",
        "import functools",
        "from collections.abc import Awaitable, Callable",
        "from typing import Any",
    ),
    private=("_MISSING",),
)


STATUS_ERROR = Helper(
    "StatusError",
    '''\
class StatusError({http}.HTTPStatusError):
    """requests' HTTPError as the project raises it.

    Its request and response are optional: {http}.HTTPStatusError needs both,
    and code that raised (or subclassed) requests.HTTPError often had neither
    at hand. ``except {http}.HTTPStatusError`` catches it like the errors
    {http} raises; a missing response is None, as it was in requests.
    """

    def __init__(
        self,
        *args: Any,
        request: {http}.Request | None = None,
        response: {http}.Response | None = None,
    ) -> None:
        Exception.__init__(self, *args)
        if request is None and response is not None:
            # A Response made without its request, or a test's own fake of one:
            # requests too took the response's request only when it had one.
            try:
                request = response.request
            except (AttributeError, RuntimeError):
                pass
        self._request = request
        self.response = response  # type: ignore[assignment]

    @property
    def request(self) -> {http}.Request:
        """The request, or None when none was given (as in requests)."""
        return self._request  # type: ignore[return-value]

    @request.setter
    def request(self, request: {http}.Request) -> None:
        self._request = request''',
    ("from typing import Any", "import {http}"),
)

HTTPX_KWARGS = Helper(
    "httpx_kwargs",
    '''\
def httpx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """requests' keywords, passed on as ``**kwargs``, as {http} takes them.

    Callers keep the names they used with requests: ``allow_redirects`` is
    ``follow_redirects``, a ``(connect, read)`` timeout an ``{http}.Timeout``, a
    str/bytes ``data`` is ``content``, ``stream`` goes (the response is read
    whole), and query parameters and form fields are sent as requests sends
    them (see ``requests_values``). {http} sets
    ``verify``, ``cert``, ``proxies`` and ``hooks`` on the client only: they
    raise TypeError here, as they would in {http}, unless they ask for what the
    client does anyway (None, ``verify=True``, no proxies, no hooks).
    """
    # None means requests' default, except no redirects or no timeout for
    # these two.
    out = {{
        key: value
        for key, value in kwargs.items()
        if value is not None or key in ("allow_redirects", "timeout")
    }}
    if "allow_redirects" in out:
        out["follow_redirects"] = out.pop("allow_redirects")
    timeout = out.get("timeout")
    if isinstance(timeout, tuple):
        connect, read = timeout
        out["timeout"] = {http}.Timeout(None, connect=connect, read=read)
    if isinstance(out.get("data"), (str, bytes)):
        out["content"] = out.pop("data")
    for name in ("params", "data"):
        if name in out:
            out[name] = requests_values(out[name])
    if "files" in out:
        out["files"] = requests_files(out["files"])
    out.pop("stream", None)
    if out.get("verify") is True:
        # The client verifies, with the CA bundle requests used.
        del out["verify"]
    for name in ("proxies", "hooks"):
        if name in out and not any(out[name].values()):
            del out[name]
    for name in ("verify", "cert", "proxies", "hooks"):
        if name in out:
            raise TypeError(f"{{name}}= is set on the {http} client, not per request")
    return out''',
    ("from typing import Any", "import {http}"),
    needs=("requests_values", "requests_files"),
)

REQUESTS_KEYWORDS = Helper(
    "requests_keywords",
    '''\
def requests_keywords(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The keywords {http}'s verbs hand a request method, as requests' verbs
    hand them on: only those given ({http} hands on every one, None or
    ``USE_CLIENT_DEFAULT`` when not given), a raw body as ``data``, and
    ``follow_redirects`` as ``allow_redirects``."""
    given = {{
        key: value
        for key, value in kwargs.items()
        if value is not None and value is not {http}.USE_CLIENT_DEFAULT
    }}
    if "content" in given:
        given["data"] = given.pop("content")
    if "follow_redirects" in given:
        given["allow_redirects"] = given.pop("follow_redirects")
    return given''',
    ("from typing import Any", "import {http}"),
)

REQUESTS_VALUES = Helper(
    "requests_values",
    '''\
def requests_values(items: Any) -> Any:
    """Query parameters or form fields as requests sends them: without those
    whose value is None (or the None items of a list), which {http} would send
    empty (``page=``), with bools as ``True``/``False``, which {http} sends as
    ``true``/``false``, and bytes as the text they encode, which {http} would
    send as ``b'...'`` (bytes names too, which a multipart form refuses). A
    dict, or a list of pairs; anything else (a string, bytes, a file) is
    returned as it is."""
    if isinstance(items, Mapping):
        kept: dict[Any, Any] = {{}}
        for key, value in items.items():
            if isinstance(value, (list, tuple)):
                value = [_as_sent(item) for item in value if item is not None]
            if value is not None:
                kept[_field_name(key)] = _as_sent(value)
        return kept
    if not isinstance(items, (list, tuple)):
        return items
    pairs: list[tuple[Any, Any]] = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        name = _field_name(key)
        pairs += [(name, _as_sent(item)) for item in values if item is not None]
    return pairs


def _field_name(key: Any) -> Any:
    return key.decode() if isinstance(key, bytes) else key


def _as_sent(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode()
    return str(value) if isinstance(value, bool) else value''',
    ("from collections.abc import Mapping", "from typing import Any"),
    private=("_field_name", "_as_sent"),
)

REQUESTS_BODY = Helper(
    "requests_body",
    '''\
def requests_body(data: Any) -> dict[str, Any]:
    """requests' ``data=`` as {http} takes it: a form (a dict, or pairs that may
    repeat a key) as ``data=``, the fields as requests sends them (see
    requests_values); raw bytes or text as ``data=`` still, which {http} sends
    as they are (a DeprecationWarning names ``content=``); a file's content or
    an iterator's chunks as ``content=``."""
    if data is None:
        return {{}}
    if isinstance(data, Mapping):
        return {{"data": requests_values(data)}}
    if isinstance(data, (list, tuple)):
        form: dict[Any, list[Any]] = {{}}
        for key, value in requests_values(data):
            form.setdefault(key, []).append(value)
        return {{"data": form}}
    if isinstance(data, (str, bytes)):
        return {{"data": data}}  # as the code gave it: a test may check the call
    if hasattr(data, "read"):
        return {{"content": data.read()}}
    return {{"content": _chunks(data)}}


async def _chunks(items: Iterable[Any]) -> AsyncIterator[bytes]:
    # Each chunk is made on a worker thread: a generator reading a file would
    # block the event loop once per chunk.
    chunks = iter(items)
    while (chunk := await asyncio.to_thread(next, chunks, _END)) is not _END:
        yield chunk.encode() if isinstance(chunk, str) else chunk


_END = object()''',
    (
        "import asyncio",
        "from collections.abc import AsyncIterator, Iterable, Mapping",
        "from typing import Any",
    ),
    private=("_chunks", "_END"),
    needs=("requests_values",),
)

REQUESTS_FILES = Helper(
    "requests_files",
    '''\
def requests_files(files: Any) -> Any:
    """requests' ``files=`` as {http} sends them alike: a file opened in text
    mode (or a StringIO), which {http} refuses, read and sent as UTF-8, as
    requests sent it; a file with no name of its own (bytes, a str) named after
    its field, as requests named it, where {http} would say ``upload``; a None
    file left out. The files as given where nothing differs (a test may check
    the call)."""
    items = list(files.items()) if isinstance(files, Mapping) else files
    if not isinstance(items, (list, tuple)):
        return files
    sent = [(field, _file_as_sent(field, value)) for field, value in items]
    if all(new is old for (_, new), (_, old) in zip(sent, items, strict=True)):
        return files
    kept = [(field, value) for field, value in sent if value is not None]
    return dict(kept) if isinstance(files, Mapping) else kept


def _file_as_sent(field: Any, value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        name, content, *rest = value
        if isinstance(content, io.TextIOBase):
            return (name, content.read().encode(), *rest)
        return None if content is None else value
    if value is None:
        return None
    name = _file_name(value) or field
    if isinstance(value, io.TextIOBase):
        return (name, value.read().encode())
    return value if name == _file_name(value) else (name, value)


def _file_name(value: Any) -> str | None:
    name = getattr(value, "name", None)
    if isinstance(name, str) and name and name[0] != "<" and name[-1] != ">":
        return os.path.basename(name)
    return None''',
    ("import io", "import os", "from collections.abc import Mapping", "from typing import Any"),
    private=("_file_as_sent", "_file_name"),
)

APPARENT_ENCODING = Helper(
    "apparent_encoding",
    '''\
def apparent_encoding(response: {http}.Response) -> str | None:
    """requests' ``r.apparent_encoding``: the charset the body reads as,
    guessed by charset_normalizer as requests did (UTF-8 where it is not
    installed)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # requests brought it; {http} does not need it
        return "utf-8"
    best = from_bytes(response.content).best()
    return best.encoding if best is not None else None''',
    ("import {http}",),
)

RETRY_ERROR = Helper(
    "RetryError",
    '''\
class RetryError({http}.RequestError):
    """requests' RetryError: retries on responses ran out (RetryTransport)."""''',
    ("import {http}",),
)

RETRY_TRANSPORT = Helper(
    "RetryTransport",
    '''\
_IDEMPOTENT = frozenset({{"DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"}})


class RetryTransport({http}.AsyncBaseTransport):
    """urllib3's ``Retry`` on responses, around the transport that sends.

    A request whose answer has a status in ``status_forcelist`` (or 413, 429 or
    503 with a ``Retry-After``) is sent again after the pause urllib3 made:
    ``Retry-After``, else ``backoff_factor`` doubled from the second retry on.
    When ``total`` or ``status`` runs out it raises RetryError as requests did,
    or gives the last answer if ``raise_on_status`` is false. Connections that
    could not be made are retried by the wrapped transport (``retries=``).
    """

    def __init__(
        self,
        transport: {http}.AsyncBaseTransport,
        total: int | None = 10,
        *,
        status: int | None = None,
        status_forcelist: Collection[int] = (),
        backoff_factor: float = 0,
        backoff_max: float = 120,
        allowed_methods: Collection[str] | None = _IDEMPOTENT,
        respect_retry_after_header: bool = True,
        raise_on_status: bool = True,
    ) -> None:
        self.transport = transport
        self.total, self.status = total, status
        self.status_forcelist = status_forcelist
        self.backoff_factor, self.backoff_max = backoff_factor, backoff_max
        self.allowed_methods = allowed_methods
        self.respect_retry_after_header = respect_retry_after_header
        self.raise_on_status = raise_on_status

    async def handle_async_request(self, request: {http}.Request) -> {http}.Response:
        total, status, tries = self.total, self.status, 0
        while True:
            response = await self.transport.handle_async_request(request)
            retry_after = response.headers.get("Retry-After")
            if not self._retried(request.method, response, total):
                return response
            total = None if total is None else total - 1
            status = None if status is None else status - 1
            tries += 1
            if any(left is not None and left < 0 for left in (total, status)):
                if not self.raise_on_status:
                    return response
                await response.aclose()
                message = f"too many {{response.status_code}} error responses"
                raise RetryError(message, request=request)
            await response.aread()
            await response.aclose()
            pause = None
            if self.respect_retry_after_header:
                pause = _retry_after(retry_after)
            if not pause and tries > 1:
                pause = min(self.backoff_max, self.backoff_factor * 2 ** (tries - 1))
            if pause:
                await asyncio.sleep(pause)

    def _retried(self, method: str, answer: {http}.Response, total: int | None) -> bool:
        if self.allowed_methods and method.upper() not in self.allowed_methods:
            return False
        if answer.status_code in self.status_forcelist:
            return True
        if not (total and self.respect_retry_after_header):
            return False
        waits = bool(answer.headers.get("Retry-After"))
        return waits and answer.status_code in (413, 429, 503)

    async def aclose(self) -> None:
        await self.transport.aclose()


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    if value.strip().isdigit():
        return int(value)
    when = email.utils.parsedate_tz(value)
    return None if when is None else max(0.0, email.utils.mktime_tz(when) - time.time())''',
    (
        "import asyncio",
        "import email.utils",
        "import time",
        "from collections.abc import Collection",
        "import {http}",
    ),
    private=("_IDEMPOTENT", "_retry_after"),
    needs=("RetryError",),
)

REQUESTS_PARAMS = Helper(
    "requests_params",
    '''\
def requests_params(url: Any, params: Any) -> Any:
    """``params`` for a request to ``url`` as requests sends them (see
    requests_values), after the query ``url`` already has: requests adds them
    to it, where {http} replaces it (a next page's link would lose its
    ``?page=2``)."""
    sent = requests_values(params)
    if sent is None or "?" not in str(url):
        return sent
    query = {http}.URL(str(url)).params
    return [*query.multi_items(), *{http}.QueryParams(sent).multi_items()]''',
    ("from typing import Any", "import {http}"),
    needs=("requests_values",),
)

REQUESTS_HEADERS = Helper(
    "requests_headers",
    '''\
def requests_headers(headers: Any) -> Any:
    """Headers as requests sends them: without those whose value is None,
    which requests leaves out and {http} refuses (a TypeError)."""
    if isinstance(headers, Mapping):
        return {{key: value for key, value in headers.items() if value is not None}}
    return headers''',
    ("from collections.abc import Mapping", "from typing import Any"),
)

RESPONSE_HOOK = Helper(
    "response_hook",
    '''\
def response_hook(
    hook: Callable[[{http}.Response], Any],
) -> Callable[[{http}.Response], Awaitable[None]]:
    """A requests response hook as an event hook of an {http} client, which
    awaits it before the body is read: ``hook`` gets the response read, as
    requests gave it (and what it returns is dropped, where requests used it in
    its place)."""

    async def run(response: {http}.Response) -> None:
        await response.aread()
        # Read and closed: a hook calling response.close() as it could in
        # requests needs a stream sync code may close.
        response.stream = {http}.ByteStream(response.content)
        hook(response)

    return run''',
    ("from collections.abc import Awaitable, Callable", "from typing import Any", "import {http}"),
)

EVENT_HOOK = Helper(
    "event_hook",
    '''\
def event_hook(hook: Callable[[Any], Any]) -> Callable[[Any], Awaitable[None]]:
    """A sync {http}.Client's event hook as an AsyncClient's, which awaits each
    hook it calls: ``hook`` is called, and what it returns awaited if it is
    awaitable."""

    async def run(message: Any) -> None:
        result = hook(message)
        if inspect.isawaitable(result):
            await result

    return run''',
    ("import inspect", "from collections.abc import Awaitable, Callable", "from typing import Any"),
)

ANSWERS_IN_TURN = Helper(
    "answers_in_turn",
    '''\
def answers_in_turn(*answers: Any) -> Callable[[{http}.Request], {http}.Response]:
    """A respx side effect that answers as a requests-mock response list does:
    one answer per request, in turn, and the last one again for every request
    after (a respx list is used up). An answer is an {http}.Response, an
    exception (or its class) to raise, or a side effect to call with the
    request."""
    pending = list(answers)

    def answer(request: {http}.Request) -> {http}.Response:
        effect = pending.pop(0) if len(pending) > 1 else pending[0]
        if isinstance(effect, type) and issubclass(effect, {http}.RequestError):
            raise effect("Mock Error", request=request)
        if isinstance(effect, (BaseException, type)):
            raise effect
        if callable(effect):
            return effect(request)
        return effect

    return answer''',
    ("from collections.abc import Callable", "from typing import Any", "import {http}"),
)

UNMATCHED_CONNECT_ERROR = Helper(
    "unmatched_connect_error",
    '''\
def unmatched_connect_error(router: Any) -> None:
    """Have a respx router (or the ``respx`` module, its global one) fail a
    request no other route of it matches with {http}.ConnectError, as responses
    failed one no registration matched with requests' ConnectionError (respx
    raises its AllMockedAssertionError). The route goes in first but answers
    last: a request a route registered after it matches goes on to that route.
    It is none of the test's registrations, so a router asserting they were all
    called skips it. Only tests call this, so respx is imported here, not with
    the module."""
    from respx import Route

    class Unmatched(Route):
        @property
        def called(self) -> bool:
            return True

    def answer(request: {http}.Request, route: Route) -> None:
        others = [other for other in router.routes if other is not route]
        if any(other.pattern.match(request) for other in others):
            return None  # a route registered after this one answers
        sent = f"{{request.method}} {{request.url}}"
        raise {http}.ConnectError(
            f"Connection refused: {{sent}} matches no mock",
            request=request,
        )

    router.add(Unmatched().mock(side_effect=answer))''',
    ("from typing import Any", "import {http}"),
)

REQUEST_BODY = Helper(
    "request_body",
    '''\
def request_body(request: {http}.Request) -> str | bytes | None:
    """An {http} request's body as requests' ``PreparedRequest.body`` holds it,
    for an auth: None when empty, text for a form (requests encodes
    ``data={{...}}`` to text), bytes otherwise."""
    if not request.content:
        return None
    if request.headers.get("Content-Type", "").startswith(FORM):
        return request.content.decode()
    return request.content


FORM = "application/x-www-form-urlencoded"''',
    ("import {http}",),
    private=("FORM",),
)

WITH_BODY = Helper(
    "with_body",
    '''\
def with_body(request: {http}.Request, body: Any) -> {http}.Request:
    """``request`` with another body, as an auth sets one: an {http} request's
    body is set when it is made, and its Content-Length follows the new
    body."""
    headers = {http}.Headers(request.headers)
    for name in FRAMING:
        headers.pop(name, None)
    return {http}.Request(
        request.method,
        request.url,
        headers=headers,
        content=body,
        extensions=request.extensions,
    )


#: Headers that describe the body sent, not what the code asked for.
FRAMING = ("Content-Length", "Transfer-Encoding")''',
    ("from typing import Any", "import {http}"),
    private=("FRAMING",),
)

WITH_HEADERS = Helper(
    "with_headers",
    '''\
def with_headers(request: {http}.Request, headers: Any) -> {http}.Headers:
    """``headers`` as ``request``'s, keeping the Content-Length (or
    Transfer-Encoding) of the body it sends, which requests computes again
    after an auth."""
    kept = {http}.Headers(headers)
    for name in FRAMING:
        kept.pop(name, None)
        if name in request.headers:
            kept[name] = request.headers[name]
    return kept''',
    ("from typing import Any", "import {http}"),
    needs=("with_body",),
)

RESPONSES_PARAMS = Helper(
    "responses_params",
    '''\
def responses_params(request: {http}.Request) -> dict[str, Any]:
    """The query of ``request`` as responses records it on the requests it
    sees (``request.params``): each parameter's text, or a list of them for a
    parameter given several times in a row (responses groups neighbours: a
    later run of the same parameter replaces an earlier one)."""
    params: dict[str, Any] = {{}}
    pairs = parse_qsl(request.url.query.decode(), keep_blank_values=True)
    for key, run in groupby(pairs, key=lambda pair: pair[0]):
        values = [value for _, value in run]
        params[key] = values[0] if len(values) == 1 else values
    return params''',
    (
        "from itertools import groupby",
        "from typing import Any",
        "from urllib.parse import parse_qsl",
        "import {http}",
    ),
)

REQUESTS_REQUEST = Helper(
    "RequestsRequest",
    '''class RequestsRequest:
    """An {http}.Request as a requests mock's callback reads it: ``url`` a
    string, ``body`` as requests prepared it (None, text for a form, else
    bytes) and, as the mocking library added them, ``params`` (responses) and
    ``text``, ``json()``, ``qs``, ``path``, ``query``, ``hostname``
    (requests-mock, which lowercases the URL it splits)."""

    def __init__(self, request: {http}.Request) -> None:
        self.method = request.method
        self.url = str(request.url)
        self.headers = request.headers
        self.body = request_body(request)
        self.path_url = request.url.raw_path.decode("ascii")
        self.params = responses_params(request)
        parts = urlsplit(self.url.lower())
        self.scheme, self.netloc, self.path, self.query = parts[:4]
        self.hostname = self.netloc.split(":")[0]
        self.qs = parse_qs(self.query, keep_blank_values=True)

    @property
    def text(self) -> str | None:
        body = self.body
        return body.decode() if isinstance(body, bytes) else body

    def json(self, **kwargs: Any) -> Any:
        return json.loads(self.text or "", **kwargs)''',
    (
        "import json",
        "from typing import Any",
        "from urllib.parse import parse_qs, urlsplit",
        "import {http}",
    ),
    needs=("request_body", "responses_params"),
)

RESPONSES_CALLBACK = Helper(
    "responses_callback",
    '''def responses_callback(
    callback: Callable[[Any], Any], content_type: str | None = "text/plain"
) -> Callable[[{http}.Request], {http}.Response]:
    """A respx side effect answering as
    ``responses.add_callback(..., callback)``: the callback gets the request as
    requests prepared it and returns ``(status, headers, body)``, or an
    exception to raise; ``content_type`` is the answer's Content-Type unless
    the callback's headers name one."""

    def answer(request: {http}.Request) -> {http}.Response:
        result = callback(RequestsRequest(request))
        if isinstance(result, BaseException):
            raise result
        status, headers, body = result
        if isinstance(body, BaseException):
            raise body
        sent = {http}.Headers(headers)
        if content_type is not None and "Content-Type" not in sent:
            sent["Content-Type"] = content_type
        content = body.encode() if isinstance(body, str) else body
        return {http}.Response(status, headers=sent, content=content)

    return answer''',
    ("from collections.abc import Callable", "from typing import Any", "import {http}"),
    needs=("RequestsRequest",),
)

REQUESTS_MOCK_ANSWER = Helper(
    "requests_mock_answer",
    '''def requests_mock_answer(
    status_code: int = 200,
    headers: Any = None,
    reason: str | None = None,
    **body: Any,
) -> Callable[[{http}.Request], {http}.Response]:
    """A respx side effect answering as a requests-mock registration whose body
    (``json=``, ``text=`` or ``content=``) is a callback: it is called with the
    request and a context whose ``status_code``, ``headers`` and ``reason`` it
    may change before the answer is made."""

    def answer(request: {http}.Request) -> {http}.Response:
        context = SimpleNamespace(
            status_code=status_code, headers=dict(headers or {{}}), reason=reason
        )
        made = {{
            kind: value(RequestsRequest(request), context) if callable(value) else value
            for kind, value in body.items()
        }}
        extensions = {{}}
        if context.reason is not None:
            extensions["reason_phrase"] = context.reason.encode()
        return {http}.Response(
            context.status_code, headers=context.headers, extensions=extensions, **made
        )

    return answer''',
    (
        "from collections.abc import Callable",
        "from types import SimpleNamespace",
        "from typing import Any",
        "import {http}",
    ),
    needs=("RequestsRequest",),
)


def _table(table: dict[str, str]) -> str:
    """``table`` as the code of a dict literal, its braces kept through ``format``."""
    rows = "".join(f'    "{key}": "{value}",\n' for key, value in table.items())
    return "{{\n" + rows + "}}"


THROUGH_REQUESTS = Helper(
    "through_requests",
    '''\
def through_requests(request: {http}.Request) -> {http}.Response | {http}.Request:
    """A respx side effect for a test file whose code sends through both {http}
    and requests: it hands the {http} request to requests, where the file's
    requests mocks (``responses``, requests-mock, httpretty) answer and record
    it as before, and returns their answer. With no requests mock active, a
    request to this machine (a test's own server) goes through as it did; any
    other fails as an unreachable host would, and sends nothing."""
    # httpretty fakes the sockets requests opens.
    httpretty = sys.modules.get("httpretty")
    if (
        requests.adapters.HTTPAdapter.send is UNMOCKED_SEND
        and requests.Session.send is UNMOCKED_SESSION_SEND
        and not (httpretty is not None and httpretty.is_enabled())
    ):
        if request.url.host in LOOPBACK:
            return request  # respx sends a request its side effect hands back
        raise {http}.ConnectError("no requests mock is active", request=request)
    # The headers as written: {http}'s own view of them is lowercased, which a
    # requests mock matching headers exactly would not find.
    headers = {{k.decode("latin1"): v.decode("latin1") for k, v in request.headers.raw}}
    body: str | bytes | None = request.content or None
    form = request.headers.get("content-type") == "application/x-www-form-urlencoded"
    if body and form:
        body = request.content.decode()  # as requests recorded a form: text
    # The timeout the code gave, as requests records it (one number for both).
    timeout = request.extensions.get("timeout", {{}})
    connect, read = timeout.get("connect"), timeout.get("read")
    try:
        answer = requests.request(
            request.method,
            str(request.url),
            headers=headers,
            data=body,
            timeout=connect if connect == read else (connect, read),
            # {http} follows redirects itself, through respx.
            allow_redirects=False,
        )
    except requests.RequestException as error:
        for kind in type(error).__mro__:
            if kind.__name__ in RAISED_AS:
                raised = getattr({http}, RAISED_AS[kind.__name__])
                raise raised(str(error), request=request) from error
        raise
    # requests has decoded the body already.
    headers = [(k, v) for k, v in answer.headers.items() if k.lower() != DECODED]
    return {http}.Response(
        answer.status_code,
        headers=headers,
        content=answer.content,
        extensions={{"reason_phrase": (answer.reason or "").encode()}},
    )


DECODED = "content-encoding"
LOOPBACK = frozenset({{"127.0.0.1", "localhost", "::1"}})
UNMOCKED_SEND = requests.adapters.HTTPAdapter.send
UNMOCKED_SESSION_SEND = requests.Session.send
#: A requests exception -> the {http} exception {http} raises in that case.
RAISED_AS = {raised_as}'''.replace("{raised_as}", _table(MOCK_RAISES)),
    ("import sys", "import requests", "import requests.adapters", "import {http}"),
    private=("DECODED", "LOOPBACK", "UNMOCKED_SEND", "UNMOCKED_SESSION_SEND", "RAISED_AS"),
)

ASYNC_CLIENT_MOCK = Helper(
    "async_client_mock",
    '''\
def async_client_mock(**kwargs: Any) -> mock.MagicMock:
    """A stand-in for an {http}.AsyncClient, as a MagicMock stood for a
    requests.Session in a test: its request methods are awaited and answer a
    MagicMock the test configures as before (``.get.return_value``), and it is
    its own ``async with`` target."""
    client = mock.MagicMock(**kwargs)
    for name in "request send get head options post put patch delete".split():
        setattr(client, name, mock.AsyncMock(return_value=mock.MagicMock()))
    client.aclose = mock.AsyncMock()
    # ``async with`` gives what ``with`` gives: the client, or what a test set
    # as ``Session.return_value.__enter__.return_value``.
    client.__enter__.return_value = client
    client.__aenter__.side_effect = lambda *args: client.__enter__.return_value
    return client''',
    ("from typing import Any", "from unittest import mock"),
)

HTTPX_MODULE_MOCK = Helper(
    "httpx_module_mock",
    '''\
def httpx_module_mock(**kwargs: Any) -> mock.MagicMock:
    """A stand-in for the {http} module, as a MagicMock stood for the requests
    module the code used (``mock.patch("app.api.requests")``): every client
    made from it sends through the module's own ``get``, ``post``...
    (AsyncMocks answering a MagicMock), which the test configures and asserts
    on as before (``requests.get.return_value.json.return_value = ...``)."""
    module = mock.MagicMock(**kwargs)
    client = module.AsyncClient.return_value
    client.__aenter__.return_value = client
    client.aclose = mock.AsyncMock()
    for name in "request get head options post put patch delete".split():
        method = mock.AsyncMock(return_value=mock.MagicMock())
        setattr(module, name, method)
        setattr(client, name, method)
    return module''',
    ("from typing import Any", "from unittest import mock"),
)

ASYNC_METHOD = Helper(
    "async_method",
    '''\
def async_method(fake: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """A test's sync fake of a method, set on its class (a requests.Session
    method on {http}.AsyncClient): the code awaits what it gives, and it still
    gets the instance as ``self`` (a function set on a class is a method; a
    mock is not)."""

    async def method(*args: Any, **kwargs: Any) -> Any:
        return fake(*args, **kwargs)

    return method''',
    ("from collections.abc import Awaitable, Callable", "from typing import Any"),
)

ASYNC_CLASS_MOCK = Helper(
    "async_class_mock",
    '''\
def async_class_mock(target: str) -> Callable[..., mock.MagicMock]:
    """For ``mock.patch(target, new_callable=async_class_mock(target))``: a
    MagicMock standing in for the class at ``target`` and the instances it
    makes, as before (the patch's own keywords, ``return_value=``, configure
    it), whose async methods are AsyncMocks, configured as before
    (``.get.return_value``). ``spec=True`` would make them so too, but would
    refuse every attribute the class does not define itself."""

    def make(**kwargs: Any) -> mock.MagicMock:
        cls = pkgutil.resolve_name(target)
        fake = mock.MagicMock(**kwargs)
        made = fake.return_value
        for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
            if name == "create":
                # ``await Site.create(...)``, the async constructor, gives the
                # instance.
                fake.create = mock.AsyncMock(return_value=made)
                continue
            setattr(fake, name, mock.AsyncMock())
            # A method the test set up on the instance it gave answers as set.
            given = getattr(made, name) if name in dir(made) else None
            if not isinstance(given, mock.AsyncMock):
                setattr(made, name, mock.AsyncMock(side_effect=given))
        if inspect.iscoroutinefunction(getattr(cls, "__aenter__", None)):
            # ``async with`` where the code had ``with``: what the test sets
            # up for ``__enter__`` and ``__exit__`` answers it, with the same
            # async methods.
            entered = made.__enter__.return_value
            for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
                setattr(entered, name, mock.AsyncMock())
            made.__aenter__ = mock.AsyncMock(side_effect=lambda: made.__enter__())
            made.__aexit__ = mock.AsyncMock(side_effect=lambda *e: made.__exit__(*e))
        return fake

    return make''',
    (
        "import inspect",
        "import pkgutil",
        "from collections.abc import Callable",
        "from typing import Any",
        "from unittest import mock",
    ),
)

HAND_MADE_RESPONSE = Helper(
    "HandMadeResponse",
    '''\
class HandMadeResponse({http}.Response):
    """A response a test makes by hand, as it made ``requests.Response()``: it
    has no body until the test sets one (``._content``), so ``.content`` is
    None, ``.text`` empty and ``.json()`` raises json.JSONDecodeError (a
    ValueError), as requests' did; {http}'s own would have an empty body, or
    raise TypeError from ``.json()`` once its body is None."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._content = None  # type: ignore[assignment]

    def json(self, **kwargs: Any) -> Any:
        if self._content is None:
            return json.loads("", **kwargs)
        return super().json(**kwargs)''',
    ("import json", "from typing import Any", "import {http}"),
)

ASYNC_ITEMS = Helper(
    "async_items",
    '''\
async def async_items(items: Iterable[Any]) -> AsyncIterator[Any]:
    """The items of ``items``, one by one, as an async iterator: what a test's
    fake gives where the code now takes them with ``async for`` or
    ``anext``."""
    for item in items:
        yield item''',
    ("from collections.abc import AsyncIterator, Iterable", "from typing import Any"),
)

ASYNC_ITEMS_PROPERTY = Helper(
    "AsyncItemsPropertyMock",
    '''\
class AsyncItemsPropertyMock(mock.PropertyMock):
    """A PropertyMock for a property that gives an async generator now: reading
    it gives the items its ``return_value`` lists, as an async iterator."""

    def __get__(self, obj: object, obj_type: type | None = None) -> AsyncIterator[Any]:
        return async_items(self())''',
    (
        "from collections.abc import AsyncIterator",
        "from typing import Any",
        "from unittest import mock",
    ),
    needs=("async_items",),
)

ASYNC_ITEMS_LIST = Helper(
    "AsyncItemsList",
    '''\
class AsyncItemsList(list[Any]):
    """A test's list standing for what a generator gives, now that the code
    takes its items with ``async for``: the test still indexes and compares
    it."""

    def __aiter__(self) -> AsyncIterator[Any]:
        return async_items(self)''',
    ("from collections.abc import AsyncIterator", "from typing import Any"),
    needs=("async_items",),
)

URLOPEN_FAKE = Helper(
    "urlopen_fake",
    '''\
def urlopen_fake(
    fake: Callable[..., Any], *, url: bool = False, entered: bool = False
) -> Callable[..., Awaitable[{http}.Response]]:
    """A test's fake of urllib's urlopen, put in place of
    {http}.AsyncClient.send now that the code sends through {http}. It is handed
    what urlopen was: a urllib Request (the headers the code set, not {http}'s
    own), or its URL with ``url=True``; what it returns (a file-like answer)
    becomes the response, and an HTTPError it raises the error response, a
    URLError a ConnectError. With ``entered=True`` the code read the answer in
    a ``with`` block: what entering it gives is read (a mock's ``__enter__``
    return value)."""
    try:
        takes = inspect.signature(fake).parameters
    except (TypeError, ValueError):
        takes = {{}}
    keywords = any(p.kind is p.VAR_KEYWORD for p in takes.values())

    async def send(
        client: {http}.AsyncClient, request: {http}.Request, **kwargs: Any
    ) -> {http}.Response:
        # The headers the code set: not those every request of the client has.
        own = {{
            name: value
            for name, value in request.headers.items()
            if client.headers.get(name) != value
        }}
        headers = {{k: v for k, v in own.items() if k not in ("host", "content-length")}}
        given: Any = urllib.request.Request(
            str(request.url),
            data=request.content or None,
            headers=headers,
            method=request.method,
        )
        options: dict[str, Any] = {{}}
        if url:
            given = str(request.url)
            if request.content and ("data" in takes or keywords):
                options["data"] = request.content
        timeout = request.extensions.get("timeout", {{}}).get("read")
        if timeout is not None and ("timeout" in takes or keywords):
            options["timeout"] = timeout
        returned = True
        try:
            answer = fake(given, **options)
        except urllib.error.HTTPError as error:
            # An error response, read as the others are.
            answer, returned = error, False
        except urllib.error.URLError as error:
            raise {http}.ConnectError(str(error.reason), request=request) from error
        read = answer
        if entered and hasattr(answer, "__enter__"):
            read = answer.__enter__()
        status = getattr(read, "status", getattr(answer, "status", None))
        if not isinstance(status, int):
            code = getattr(read, "code", getattr(answer, "code", None))
            status = code if isinstance(code, int) else 200
        found = getattr(read, "headers", None)
        items = list(found.items()) if hasattr(found, "items") else []
        content = read.read()
        if read is not answer:
            answer.__exit__(None, None, None)
        elif hasattr(answer, "close"):
            answer.close()
        reply = {http}.Response(status, headers=items, content=content, request=request)
        if returned and status >= 400:
            # urlopen raises for it, but this fake returned it: the code reads
            # it past the status check that stands for urlopen's raise.
            unchecked: Any = reply
            unchecked.raise_for_status = lambda: reply
        return reply

    return send''',
    (
        "import inspect",
        "import urllib.error",
        "import urllib.request",
        "from collections.abc import Awaitable, Callable",
        "from typing import Any",
        "import {http}",
    ),
)

# In the order they appear in the module.
HELPERS: dict[str, Helper] = {
    h.name: h
    for h in (
        TLS_CONTEXT,
        REQUESTS_TLS,
        ASYNC_CLIENT_PER_LOOP,
        POOL_PER_ORIGIN,
        CALLS_MADE,
        GATHER_IN_ORDER,
        GATHER_OUTCOMES,
        TASK_POOL,
        ASYNC_MEMO,
        RUN_COROUTINE,
        RUN_SOON,
        BLOCK_ON,
        CACHED_RESULT,
        COLLECT,
        STATUS_ERROR,
        REQUESTS_VALUES,
        REQUESTS_BODY,
        REQUESTS_FILES,
        APPARENT_ENCODING,
        RETRY_ERROR,
        RETRY_TRANSPORT,
        REQUESTS_PARAMS,
        REQUESTS_HEADERS,
        RESPONSE_HOOK,
        EVENT_HOOK,
        HTTPX_KWARGS,
        REQUESTS_KEYWORDS,
        ANSWERS_IN_TURN,
        UNMATCHED_CONNECT_ERROR,
        REQUEST_BODY,
        WITH_BODY,
        WITH_HEADERS,
        RESPONSES_PARAMS,
        REQUESTS_REQUEST,
        RESPONSES_CALLBACK,
        REQUESTS_MOCK_ANSWER,
        THROUGH_REQUESTS,
        ASYNC_CLIENT_MOCK,
        HTTPX_MODULE_MOCK,
        ASYNC_METHOD,
        ASYNC_CLASS_MOCK,
        HAND_MADE_RESPONSE,
        ASYNC_ITEMS,
        ASYNC_ITEMS_PROPERTY,
        ASYNC_ITEMS_LIST,
        COLLECTING,
        URLOPEN_FAKE,
        ASYNC_ITER,
        THREAD_ITEMS,
        AISLICE,
        AENUMERATE,
        AZIP,
        ATAKEWHILE,
        ADROPWHILE,
        AFILTER,
        AANY,
        AALL,
    )
}


def with_needs(names: Iterable[str]) -> set[str]:
    """``names`` and the helpers their code calls."""
    closure = set(names)
    while True:
        grown = closure.union(*(HELPERS[name].needs for name in closure))
        if grown == closure:
            return closure
        closure = grown


def render(
    names: Iterable[str], http: str = "httpx", line_length: int = DEFAULT_LINE_LENGTH
) -> bytes:
    """The helpers module holding ``names`` (and nothing else), its code lines
    wrapped to ``line_length`` where that is narrower than the helpers' 88
    columns; their comments and docstrings fit in 79 (flake8's default)."""
    wanted = [HELPERS[name] for name in HELPERS if name in with_needs(names)]
    width = min(line_length, DEFAULT_LINE_LENGTH)  # the helpers' own code is 88 wide
    plain: set[str] = set()
    froms: dict[str, set[str]] = {}
    third: set[str] = set()
    third_froms: dict[str, set[str]] = {}
    for helper in wanted:
        for line in helper.imports:
            line = line.format(http=http)
            if line == f"import {http}":
                third.add(http)
            elif line.startswith("import ") and line.split()[1].split(".")[0] not in STDLIB:
                third.add(line.removeprefix("import "))
            elif line.startswith("import "):
                plain.add(line.removeprefix("import "))
            else:
                module, _, objs = line.removeprefix("from ").partition(" import ")
                found = froms if module.split(".")[0] in STDLIB else third_froms
                found.setdefault(module, set()).update(o.strip() for o in objs.split(","))
    stdlib = [f"import {name}" for name in sorted(plain)]
    stdlib += [_from_import(module, objs, width) for module, objs in sorted(froms.items())]
    blocks = ["from __future__ import annotations", "\n".join(stdlib)]
    if third or third_froms:
        # asgiref's bridges, for the helpers that bridge: installed with the migration.
        lines = [f"import {name}" for name in sorted(third)]
        lines += [_from_import(module, objs, width) for module, objs in sorted(third_froms.items())]
        blocks.append("\n".join(lines))
    # ``through_requests`` (mixed test files) imports requests, which their tests use.
    others = sorted({name.split(".")[0] for name in third} - {http})
    needs = f"{http} ({' and '.join(others)} for the tests)" if others else http
    if third_froms:
        needs += " and " + " and ".join(sorted({m.split(".")[0] for m in third_froms}))
    head = _DOCSTRING.format(needs=needs) + "\n\n" + "\n\n".join(b for b in blocks if b)
    code = "\n\n\n".join(helper.code.format(http=http) for helper in wanted)
    # isort's spacing (ruff's too): two blank lines before a definition, else one.
    gap = "\n\n\n" if code.startswith(("def ", "async def ", "class ", "@")) else "\n\n"
    # A project with no formatter gets the lines a formatter would split.
    return wrap_changed_lines(f"{head}{gap}{code}\n", "", line_length).encode()


def _from_import(module: str, objs: set[str], width: int) -> str:
    """``from module import a, b``, one name a line when that is too long (as ruff does)."""
    names = sorted(objs, key=name_order)
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= width:
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


@cache
def _helper_statements() -> frozenset[str]:
    """The expression statements the helpers' code runs at import, as unparsed."""
    return frozenset(
        ast.unparse(stmt)
        for helper in HELPERS.values()
        for stmt in ast.parse(helper.code.format(http="httpx")).body
        if isinstance(stmt, ast.Expr) and not isinstance(stmt.value, ast.Constant)
    )


def defined_helpers(source: bytes) -> set[str] | None:
    """Helpers an existing module defines; None if it is not this toolkit's or
    holds more than its helpers (someone's own code, never to be overwritten)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    if (
        ast.get_docstring(tree, clean=False) is None
        or MARKER not in (ast.get_docstring(tree) or "").splitlines()[:1]
    ):
        return None
    known = {name: helper for helper in HELPERS.values() for name in (helper.name, *helper.private)}
    found: set[str] = set()
    for stmt in tree.body[1:]:
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            continue
        if isinstance(stmt, ast.If):
            names = {
                t.id
                for s in (*stmt.body, *stmt.orelse)
                if isinstance(s, ast.Assign)
                for t in s.targets
                if isinstance(t, ast.Name)
            }
        elif isinstance(stmt, ast.Assign):
            names = {t.id for t in stmt.targets if isinstance(t, ast.Name)}
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            names = {stmt.target.id}
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = {stmt.name}
        elif isinstance(stmt, ast.Expr) and ast.unparse(stmt) in _helper_statements():
            continue  # a helper's own statement (``logging.getLogger(...).addFilter``)
        else:
            return None
        if not names or not names <= set(known):
            return None
        found.update(known[name].name for name in names)
    return found


@dataclass(frozen=True)
class HelpersHome:
    """Where a module's helpers live, and how that module imports them."""

    path: Path  # the helpers module's file
    module: str  # its dotted name
    import_from: str  # what goes after ``from`` in the importing module
    # A module of a namespace package (a folder with no ``__init__.py``): what it
    # imports from when it runs from its own folder (as a script), not its package.
    script_from: str | None = None


_RELATIVE = re.compile(r"^[ \t]*from[ \t]+\.", re.MULTILINE)


def helpers_home(path: Path, module: str, name: str, relative: bool) -> HelpersHome:
    """The helpers module for the file ``path`` (module ``module``).

    In a package it sits in the top-level package folder; a loose module (no
    package) shares one with the other modules of its folder, which is on
    ``sys.path`` when it runs, as pytest puts a test's. A module of a namespace
    package (``scripts/release.py``, imported as ``scripts.release``) imports it
    through that package, and by its bare name when it runs from its own folder
    (as a script): both work.
    """
    folder = path.parent
    top = folder
    while (top / "__init__.py").exists() and (top.parent / "__init__.py").exists():
        top = top.parent
    if not (folder / "__init__.py").exists():
        package = module.rpartition(".")[0]
        if not package or is_test_path(str(path)):
            return HelpersHome(folder / f"{name}.py", name, name)
        return HelpersHome(
            folder / f"{name}.py",
            f"{package}.{name}",
            f".{name}" if relative else f"{package}.{name}",
            script_from=name,
        )
    package = module.split(".")[0]
    if not relative:
        return HelpersHome(top / f"{name}.py", f"{package}.{name}", f"{package}.{name}")
    depth = len(folder.relative_to(top).parts) + 1
    return HelpersHome(top / f"{name}.py", f"{package}.{name}", "." * depth + name)


def prefers_relative(texts: Iterable[str], package: str) -> bool:
    """Whether a package imports its own modules relatively (the default) or by
    their full name, judged by counting both kinds in its files."""
    absolute = re.compile(rf"^[ \t]*(?:from|import)[ \t]+{re.escape(package)}[.\s]", re.MULTILINE)
    relative = absolute_count = 0
    for text in texts:
        relative += len(_RELATIVE.findall(text))
        absolute_count += len(absolute.findall(text))
    return relative >= absolute_count
