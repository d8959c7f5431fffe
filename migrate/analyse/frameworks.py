"""What the analysis knows about frameworks and libraries, as data.

Like :mod:`migrate.analyse.catalogue` for blocking calls: the names of
Flask's registration decorators, asgiref's bridges, memoising decorators,
thread pools and pytest's conventions, in one place instead of in ``if``s.
"""

from __future__ import annotations

from typing import Literal

FLASK_ROUTE_METHODS = frozenset({"route", "get", "post", "put", "patch", "delete"})
FLASK_HANDLER_DECORATORS = frozenset(
    {
        "errorhandler",
        "app_errorhandler",
        "before_request",
        "before_app_request",
        "after_request",
        "after_app_request",
        "teardown_request",
        "teardown_app_request",
        "teardown_appcontext",
    }
)
# Flask registration calls that accept async callables (Flask runs them
# through ensure_sync), so passing a coroutine function there is fine.
FLASK_ASYNC_RECEIVERS = FLASK_HANDLER_DECORATORS | {"register_error_handler", "add_url_rule"}
AsgirefBridge = Literal["async_to_sync", "sync_to_async"]
# asgiref's bridges, by the kind of bridge each makes.
BRIDGES: dict[str, AsgirefBridge] = {
    "asgiref.sync.async_to_sync": "async_to_sync",
    "asgiref.sync.sync_to_async": "sync_to_async",
}
# Receivers that run a callable later, in a sync context: the callable must stay sync.
THREAD_RECEIVERS = ("threading.Thread", "threading.Timer")
MAP_RECEIVERS = ("builtins.map",)
MEMOISERS = frozenset(
    {"functools.lru_cache", "functools.cache", "functools.cached_property", "cachetools.cached"}
)
# Memoisers the generated ``async_memo`` helper stands in for once the function
# is async: the keyword arguments it carries (the first one may be positional).
# Anything else (``typed=True``, a ``lock``) keeps the function sync.
ASYNC_MEMOISERS: dict[str, tuple[str, ...]] = {
    "functools.lru_cache": ("maxsize",),
    "functools.cache": (),
    "cachetools.cached": ("cache", "key"),
}


EXECUTORS = (
    "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.thread.ThreadPoolExecutor",
)

FIXTURE_DECORATORS = ("pytest.fixture", "pytest_asyncio.fixture")

# Third-party packages that send their HTTP through requests (besides the
# ``requests_*`` family, e.g. requests_oauthlib): code using them keeps
# requests' traffic after a migration, so requests mocks around it stay.
REQUESTS_BASED_PACKAGES = frozenset({"docker", "github", "gitlab", "hvac", "jira", "tweepy"})
# Calls that put a fake in place of ``target``: ``patch("mod.f", fake)``,
# ``patch.object(mod, "f", fake)`` (also as decorators and context managers).
PATCHERS = frozenset(
    f"{package}.{name}"
    for package in ("unittest.mock", "mock")
    for name in ("patch", "patch.object")
)
# Mocks whose calls return plain values; their async twin is AsyncMock.
SYNC_MOCKS = frozenset(
    f"{package}.{name}" for package in ("unittest.mock", "mock") for name in ("Mock", "MagicMock")
)


def is_test_path(path: str) -> bool:
    """Whether pytest collects ``path`` as a test module (or it is a conftest)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"
