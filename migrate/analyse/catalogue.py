"""The catalogue of blocking calls, as data.

Each entry maps a qualified name (what the call resolves to after following
imports and aliases) to a family and what to do about it:

* ``rewrite``: there is an async twin in our dependency set (httpx,
  asyncio); the calling function becomes ``async def`` and the call is
  rewritten and awaited. This is what makes async colour spread.
* ``bridge``: no async twin we can rely on (sqlite3, files, subprocess,
  sockets, ``input``); the function stays sync and async callers reach it
  through ``asgiref.sync.sync_to_async``.

Families follow flake8-async's ASYNC2xx rules (see docs/rules.md), so ruff's
``ASYNC`` rules act as an independent oracle for the entries both know.
Methods of objects are written ``Class.method``; the analysis knows which
local names hold such objects (``session = requests.Session()``) through the
``CONSTRUCTORS`` table.

To add a blocking call, add a line here and an annotated example under
``tests/examples/`` (a meta-test checks every entry has one).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Action(str, Enum):
    """What the migration does with a blocking call."""

    REWRITE = "rewrite"
    BRIDGE = "bridge"


@dataclass(frozen=True)
class BlockingCall:
    """One catalogue entry."""

    name: str
    family: str
    code: str  # flake8-async rule code of the family
    action: Action
    replacement: str
    # HTTP verb for request functions: used to keep non-idempotent calls in order.
    http_method: str | None = None
    # For bridged calls: whether the resource is bound to the thread that made it.
    thread_sensitive: bool = False


HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
# requests.Request's parameters, in order (its positional arguments get their names).
REQUEST_PARAMS = (
    *("method", "url", "headers", "files", "data"),
    *("params", "auth", "cookies", "hooks", "json"),
)
NON_IDEMPOTENT = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Objects whose methods block, by the qualified name of what creates them.
CONSTRUCTORS: dict[str, str] = {
    "requests.Session": "requests.Session",
    "requests.session": "requests.Session",
    "requests.sessions.Session": "requests.Session",
    "httpx.Client": "httpx.Client",
    "sqlite3.connect": "sqlite3.Connection",
    "sqlite3.Connection.cursor": "sqlite3.Cursor",
    # ``db.execute(...)`` hands back a cursor, bound to the same thread.
    "sqlite3.Connection.execute": "sqlite3.Cursor",
    "socket.socket": "socket.socket",
    "socket.create_connection": "socket.socket",
    # HTTP below requests: urllib3's pools, the standard library's connections.
    "urllib3.PoolManager": "urllib3.PoolManager",
    "urllib3.poolmanager.PoolManager": "urllib3.PoolManager",
    "urllib3.HTTPConnectionPool": "urllib3.HTTPConnectionPool",
    "urllib3.HTTPSConnectionPool": "urllib3.HTTPConnectionPool",
    "urllib3.connection_from_url": "urllib3.HTTPConnectionPool",
    "http.client.HTTPConnection": "http.client.HTTPConnection",
    "http.client.HTTPSConnection": "http.client.HTTPConnection",
    # urllib's openers (handlers for auth, cookies, proxies): no httpx twin here.
    "urllib.request.build_opener": "urllib.request.OpenerDirector",
    "urllib.request.OpenerDirector": "urllib.request.OpenerDirector",
    # Their responses: reading the body waits on the socket too.
    "urllib.request.OpenerDirector.open": "http.client.HTTPResponse",
    "http.client.HTTPConnection.getresponse": "http.client.HTTPResponse",
}


# The two builders below run once, when the module is imported: mutation
# testing switches a mutant on only after that, so their mutants could never
# be killed. tests/analyse/test_examples.py checks the entries they build.
def _http(
    prefix: str, family: str, code: str, replacement: str
) -> list[BlockingCall]:  # pragma: no mutate block
    entries = [
        BlockingCall(
            f"{prefix}.{verb}", family, code, Action.REWRITE, replacement, http_method=verb.upper()
        )
        for verb in HTTP_VERBS
    ]
    entries.append(
        BlockingCall(f"{prefix}.request", family, code, Action.REWRITE, replacement, "REQUEST")
    )
    return entries


def _bridge(
    family: str, code: str, names: list[str], thread_sensitive: bool = False
) -> list[BlockingCall]:  # pragma: no mutate block
    return [
        BlockingCall(
            name, family, code, Action.BRIDGE, "asgiref.sync.sync_to_async", None, thread_sensitive
        )
        for name in names
    ]


ENTRIES: tuple[BlockingCall, ...] = (
    # Blocking HTTP (ASYNC210): module-level request functions.
    *_http("requests", "http", "ASYNC210", "httpx.AsyncClient"),
    *_http("httpx", "http", "ASYNC210", "httpx.AsyncClient"),
    BlockingCall(
        "httpx.stream", "http", "ASYNC210", Action.REWRITE, "httpx.AsyncClient.stream", "STREAM"
    ),
    # Sessions and sync clients: their request methods block (ASYNC212 for httpx).
    *_http("requests.Session", "http-client", "ASYNC210", "httpx.AsyncClient"),
    BlockingCall(
        "requests.Session.send",
        "http-client",
        "ASYNC210",
        Action.REWRITE,
        "httpx.AsyncClient.send",
        "SEND",
    ),
    # Closing a session closes its pool: an AsyncClient's close awaits.
    BlockingCall(
        "requests.Session.close",
        "http-client",
        "ASYNC210",
        Action.REWRITE,
        "httpx.AsyncClient.aclose",
    ),
    *_http("httpx.Client", "http-client", "ASYNC212", "httpx.AsyncClient"),
    BlockingCall(
        "httpx.Client.close", "http-client", "ASYNC212", Action.REWRITE, "httpx.AsyncClient.aclose"
    ),
    BlockingCall(
        "httpx.Client.send",
        "http-client",
        "ASYNC212",
        Action.REWRITE,
        "httpx.AsyncClient.send",
        "SEND",
    ),
    BlockingCall(
        "httpx.Client.stream",
        "http-client",
        "ASYNC212",
        Action.REWRITE,
        "httpx.AsyncClient.stream",
        "STREAM",
    ),
    # urllib: rewritten where every use of the response has an httpx twin
    # (analyse/urllib_shapes.py); other shapes stay on urllib behind a bridge.
    BlockingCall(
        "urllib.request.urlopen", "urllib", "ASYNC210", Action.REWRITE, "httpx.AsyncClient"
    ),
    # Sleeping (ASYNC251).
    BlockingCall("time.sleep", "sleep", "ASYNC251", Action.REWRITE, "asyncio.sleep"),
    # tenacity's retrying loop sleeps between tries (``for attempt in Retrying(...)``;
    # only iterated: see graph._link): ``async for`` over AsyncRetrying.
    BlockingCall("tenacity.Retrying", "retrying", "ASYNC251", Action.REWRITE, "AsyncRetrying"),
    # Processes (ASYNC220/221/222).
    *_bridge("subprocess", "ASYNC220", ["subprocess.Popen", "os.popen"]),
    *_bridge(
        "subprocess",
        "ASYNC221",
        [
            "subprocess.run",
            "subprocess.call",
            "subprocess.check_call",
            "subprocess.check_output",
            "subprocess.getoutput",
            "subprocess.getstatusoutput",
            "os.system",
        ],
    ),
    *_bridge("subprocess", "ASYNC222", ["os.wait", "os.waitpid", "os.wait3", "os.wait4"]),
    # Files (ASYNC230).
    *_bridge("file", "ASYNC230", ["builtins.open", "io.open", "pathlib.Path.open"]),
    # Console input (ASYNC250).
    *_bridge("input", "ASYNC250", ["builtins.input"]),
    # Sockets: no flake8-async rule; blocking all the same.
    *_bridge(
        "socket",
        "-",
        [
            "socket.create_connection",
            "socket.getaddrinfo",
            "socket.socket.connect",
            "socket.socket.accept",
            "socket.socket.recv",
            "socket.socket.sendall",
        ],
    ),
    # HTTP below requests, with no async twin here (ASYNC210 names urllib3's and
    # http.client's): each call runs on a worker thread, off the event loop.
    *_bridge(
        "http-low",
        "ASYNC210",
        [
            "urllib3.request",
            "urllib3.PoolManager.request",
            "urllib3.PoolManager.urlopen",
            "urllib3.HTTPConnectionPool.request",
            "urllib3.HTTPConnectionPool.urlopen",
            "http.client.HTTPConnection.request",
            "http.client.HTTPConnection.getresponse",
            "http.client.HTTPConnection.connect",
            "urllib.request.OpenerDirector.open",
            "http.client.HTTPResponse.read",
            "http.client.HTTPResponse.readline",
            "http.client.HTTPResponse.readlines",
        ],
    ),
    # sqlite3: a connection belongs to the thread that opened it, so every
    # bridge runs thread-sensitive (one shared thread, no overlap).
    *_bridge(
        "sqlite",
        "-",
        [
            "sqlite3.connect",
            "sqlite3.Connection.execute",
            "sqlite3.Connection.executemany",
            "sqlite3.Connection.executescript",
            "sqlite3.Connection.commit",
            "sqlite3.Connection.rollback",
            "sqlite3.Connection.close",
            "sqlite3.Cursor.execute",
            "sqlite3.Cursor.executemany",
            "sqlite3.Cursor.fetchone",
            "sqlite3.Cursor.fetchall",
            "sqlite3.Cursor.fetchmany",
        ],
        thread_sensitive=True,
    ),
)

BY_NAME: dict[str, BlockingCall] = {entry.name: entry for entry in ENTRIES}

# Objects bound to the thread that made them (sqlite3's): a function that hands
# one back is followed to its callers, whose uses of it may need that thread.
THREAD_BOUND = frozenset(
    made
    for made in CONSTRUCTORS.values()
    if any(e.thread_sensitive and e.name.startswith(made + ".") for e in ENTRIES)
)

# A requests.Session subclass that becomes an AsyncClient subclass
# (analyse/subclasses.py) is entered with ``async with``: the implicit
# enter/exit calls of ``with S() as s`` await, as its requests do.
CONTEXT_ENTRIES: dict[str, BlockingCall] = {
    f"requests.Session.{name}": BlockingCall(
        f"requests.Session.{name}",
        "http-client",
        "ASYNC210",
        Action.REWRITE,
        f"httpx.AsyncClient.__a{name[2:]}",
    )
    for name in ("__enter__", "__exit__")
}

# Top-level modules of the calls that start async colour.
REWRITE_MODULES: frozenset[str] = frozenset(
    entry.name.split(".")[0] for entry in ENTRIES if entry.action is Action.REWRITE
)


def lookup(qualified_name: str) -> BlockingCall | None:
    """The catalogue entry for a resolved call, if it blocks (``requests.api.get``,
    where requests defines its functions, is ``requests.get``)."""
    if qualified_name.startswith("requests.api."):
        qualified_name = "requests." + qualified_name.removeprefix("requests.api.")
    return BY_NAME.get(qualified_name)


# requests features with no httpx twin: the plan lists every use for review
# (the rewrite comments them out or leaves a TODO; see docs/rules.md#mig001).
_ADAPTER = (
    "HTTPAdapter has no httpx twin (httpx.AsyncHTTPTransport(retries=n) retries"
    " connection errors only)"
)
NO_TWIN: dict[str, str] = {
    "requests.adapters.HTTPAdapter": _ADAPTER,
    "requests.HTTPAdapter": _ADAPTER,
    "urllib3.util.retry.Retry": "urllib3's Retry has no httpx twin: retry in your code, or"
    " AsyncHTTPTransport(retries=n) for connection errors only",
    "urllib3.util.Retry": "urllib3's Retry has no httpx twin: retry in your code, or"
    " AsyncHTTPTransport(retries=n) for connection errors only",
    "urllib3.Retry": "urllib3's Retry has no httpx twin: retry in your code, or"
    " AsyncHTTPTransport(retries=n) for connection errors only",
    "requests.packages.urllib3.util.retry.Retry": "urllib3's Retry has no httpx twin: retry in"
    " your code, or AsyncHTTPTransport(retries=n) for connection errors only",
    "requests.Session.mount": "session.mount() has no httpx twin: pass transport=/mounts= when"
    " the client is made",
    "requests_toolbelt": "requests-toolbelt works with requests only",
}

# A requests exception a mock raises -> the httpx exception httpx raises in that case.
MOCK_RAISES = {
    "ConnectionError": "ConnectError",
    "SSLError": "ConnectError",
    "ProxyError": "ProxyError",
    "ConnectTimeout": "ConnectTimeout",
    "ReadTimeout": "ReadTimeout",
    "Timeout": "TimeoutException",
    "RequestException": "RequestError",
    "TooManyRedirects": "TooManyRedirects",
    "ChunkedEncodingError": "RemoteProtocolError",
    "ContentDecodingError": "DecodingError",
}
