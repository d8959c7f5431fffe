"""What the analysis knows about frameworks and libraries, as data.

Like :mod:`migrate.analyse.catalogue` for blocking calls: the names of
Flask's registration decorators, asgiref's bridges, memoising decorators,
thread pools and pytest's conventions, in one place instead of in ``if``s.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection
from typing import Literal

from ..read.pytest_config import configured_test_file
from .catalogue import HTTP_VERBS

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
FLASK_ASYNC_RECEIVERS = FLASK_HANDLER_DECORATORS | {
    *("register_error_handler", "add_url_rule", "context_processor", "app_context_processor")
}
# Calls handing back a copy of the one object they are given: of its type.
COPIES = frozenset({"copy.copy", "copy.deepcopy"})
# A parametrized test's value: the test calls it, and awaits it once it is async.
PARAMETRIZE_VALUES = frozenset({"pytest.param"})
AsgirefBridge = Literal["async_to_sync", "sync_to_async"]
# asgiref's bridges, by the kind of bridge each makes.
BRIDGES: dict[str, AsgirefBridge] = {
    "asgiref.sync.async_to_sync": "async_to_sync",
    "asgiref.sync.sync_to_async": "sync_to_async",
}
# Receivers that run a callable later, in a sync context: the callable must stay sync.
THREAD_RECEIVERS = (
    "threading.Thread",
    "threading.Timer",
    # A pool runs what it is given on its own threads, where async_to_sync can run.
    "concurrent.futures.ThreadPoolExecutor.submit",
    "concurrent.futures.ThreadPoolExecutor.map",
)
# Calls that keep a callback to call later, once no loop runs in the thread
# (pytest's ``request.addfinalizer``, called at the fixture's teardown): an async
# function reaches them through async_to_sync, even from an async fixture.
LATER_RECEIVERS = ("addfinalizer",)
# Builtins that call what they are handed before they return (``sorted(xs,
# key=f)``): a bridge handed to one runs while the function holding it runs.
CALLING_AT_ONCE = frozenset(
    f"builtins.{name}" for name in ("sorted", "min", "max", "filter", "map", "sum", "any", "all")
)
MAP_RECEIVERS = ("builtins.map",)
# Outside calls handing back something that calls what they were given later
# (an iterator, a partial; itertools' too): there a callback runs on the loop's
# thread, where async_to_sync raises, however the outside call itself is run.
ITERATING_LATER = frozenset(
    {"builtins.iter", "builtins.filter", "builtins.map", "functools.partial"}
)
# Keywords of requests' request functions httpx's do not take (a TypeError
# there): a call handing them on to a request function cannot be converted.
REQUESTS_ONLY_KEYWORDS = frozenset(
    {"allow_redirects", "stream", "verify", "cert", "proxies", "hooks"}
)
# ``partial(f, a)(b)`` calls ``f(a, b)``.
PARTIALS = frozenset({"functools.partial"})
# ``with closing(x):`` enters nothing and calls ``x.close()`` on the way out.
CLOSERS = frozenset({"contextlib.closing"})
# Flask's registrations of what Jinja calls while it renders, synchronously.
JINJA_DECORATORS = frozenset(
    {
        *("template_global", "template_filter", "template_test"),
        *("app_template_global", "app_template_filter", "app_template_test"),
    }
)
# What runs a function at the interpreter's exit (see finalisers).
EXIT_HOOKS = frozenset({"atexit.register"})
# Decorators whose wrapper calls the function synchronously and looks at what it
# returns or raises (nose's ``@raises(ValueError)``): a test so decorated stays sync,
# reaching async code through bridges, since its wrapper would never await it.
SYNC_CALLING_DECORATORS = frozenset(
    {
        *EXIT_HOOKS,
        "nose.tools.raises",
        "nose.tools.timed",
        "nose.tools.nontrivial.raises",
        "nose.tools.nontrivial.timed",
        "timeout_decorator.timeout",
        "timeout_decorator.timeout_decorator.timeout",
        # httpretty's wrapper calls the test inside its fake sockets and returns what
        # it gives: a coroutine, never run (the test would pass without running).
        *("httpretty.activate", "httpretty.httprettified", "httpretty.core.httprettified"),
    }
)


# Decorators from outside the project known to hand back what the function they
# wrap returns, or to await it when it is a coroutine function (tenacity, backoff):
# what they wrap may become async. Any other library's decorator may call it
# synchronously (a task queue, an RPC or event registry), so it stays sync (see
# library_decorators); the project's own decorators are analysed instead.
ASYNC_AWARE_DECORATORS = frozenset(
    {
        *("tenacity.retry", "backoff.on_exception", "backoff.on_predicate"),
        *("deprecated.deprecated", "deprecated.classic.deprecated"),
        *("deprecated.sphinx.deprecated", "deprecated.sphinx.versionadded"),
        "deprecated.sphinx.versionchanged",
        *("warnings.deprecated", "functools.wraps", "functools.update_wrapper", "six.wraps"),
        *("functools.singledispatch", "functools.singledispatchmethod"),
        *("freezegun.freeze_time", "time_machine.travel", "responses.activate", "respx.mock"),
    }
)


def sync_caller(decorator: str) -> str:
    """The boundary a decorator of SYNC_CALLING_DECORATORS makes, as the plan says it."""
    return f"its @{decorator.split('(')[0]} calls it synchronously"


MEMOISERS = frozenset(
    {
        *("functools.lru_cache", "functools.cache", "functools.cached_property"),
        *("cachetools.cached", "cachetools.cachedmethod"),
    }
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

# requests' classes that projects extend: a subclass (an OAuth Session, an
# auth handler, an adapter) is no httpx object, and requests calls handed
# one keep requests. Classes from the ``requests_*`` family count too.
REQUESTS_EXTENSION_BASES = frozenset(
    {
        "requests.Session",
        "requests.sessions.Session",
        "requests.auth.AuthBase",
        "requests.adapters.BaseAdapter",
        "requests.adapters.HTTPAdapter",
    }
)
# A project class deriving from requests.Session becomes a class over
# httpx.AsyncClient. What requests.Session has that the AsyncClient does not
# (an attribute or method used on ``self``), and why it keeps the class on requests.
SESSION_ONLY: dict[str, str] = {
    "verify": "httpx takes verify= only when the client is made",
    "cert": "httpx takes cert= only when the client is made",
    "proxies": "httpx takes proxy=/mounts= only when the client is made",
    "trust_env": "httpx takes trust_env= only when the client is made",
    "hooks": "httpx's event_hooks take other callbacks (request and response alike)",
    "stream": "httpx streams with client.stream(), not a session flag",
    "adapters": "httpx has transports, not adapters",
    "mount": "httpx takes mounts= only when the client is made",
    "get_adapter": "httpx has transports, not adapters",
    "send": "httpx's send takes an httpx.Request, not a request requests prepared",
    "prepare_request": "httpx builds requests with build_request()",
    "merge_environment_settings": "httpx merges the environment when the client is made",
    "rebuild_auth": "requests' redirect hook: httpx has no such hook",
    "rebuild_proxies": "requests' redirect hook: httpx has no such hook",
    "rebuild_method": "requests' redirect hook: httpx has no such hook",
    "resolve_redirects": "requests' redirect hook: httpx has no such hook",
    "get_redirect_target": "requests' redirect hook: httpx has no such hook",
    "should_strip_auth": "requests' redirect hook: httpx has no such hook",
}
# httpx.AsyncClient's own attributes and methods: a subclass defining or setting
# one that requests.Session does not have would change the client's workings
# (``self.timeout = 30`` sets httpx's default timeout). tests/analyse checks the list.
ASYNC_CLIENT_NAMES = frozenset(
    {
        *HTTP_VERBS,
        "request",
        "aclose",
        "auth",
        "base_url",
        "build_request",
        "cookies",
        "event_hooks",
        "follow_redirects",
        "headers",
        "is_closed",
        "max_redirects",
        "params",
        "send",
        "stream",
        "timeout",
        "trust_env",
    }
)
# Session attributes whose AsyncClient twin has the same name and meaning.
SESSION_TWINS = frozenset({"auth", "cookies", "headers", "max_redirects", "params"})
# Changes made in place to a session's query parameters: a requests.Session's are
# a dict, an AsyncClient's an immutable QueryParams (rewrite/rules/http_params.py).
SESSION_PARAMS_CHANGES = frozenset(
    {"requests.Session.params.update", "requests.Session.params.__setitem__"}
)
# A session's attributes that code reading them finds otherwise on an
# AsyncClient (why), and whether a test for truth or None still reads alike:
# such a read keeps the session on requests (see read_back_why).
SESSION_READ_BACK: dict[str, tuple[str, bool]] = {
    "auth": (
        "an AsyncClient's auth is an httpx.Auth (httpx.BasicAuth for a user and password),"
        " not the value it was set to",
        True,
    ),
    "adapters": ("an AsyncClient has transports, not adapters", False),
    "verify": ("an AsyncClient takes verify= when it is made and keeps no such attribute", False),
    "cert": ("an AsyncClient takes cert= when it is made and keeps no such attribute", False),
}


# Of those, what a converted Session subclass keeps as it was set, with a property
# over the AsyncClient's (rewrite/rules/http_subclasses.py), and the value
# requests.Session.__init__ gives it.
SUBCLASS_VIEWS = {"auth": "None"}


def read_back_why(name: str | None, tested: bool) -> str | None:
    """Why reading ``name`` (``requests.Session.auth``) breaks once the session is an
    AsyncClient; None when it reads alike. ``tested``: only for truth or None."""
    owner, _, attr = (name or "").rpartition(".")
    found = SESSION_READ_BACK.get(attr) if owner in ("requests.Session", "") else None
    if found is None or (tested and found[1]):
        return None
    return found[0]


# Names a subclass's body may give that requests.Session.__init__ sets on every
# instance (so the class attribute is never read), and requests' pickling list:
# a converted subclass drops them, since in its body they would hide the
# AsyncClient's own (``auth = None`` would keep basic auth from being sent).
SESSION_CLASS_DEFAULTS = frozenset(
    {
        *("auth", "cookies", "headers", "params", "max_redirects", "trust_env", "stream"),
        *("verify", "cert", "proxies", "hooks", "adapters", "__attrs__"),
    }
)
# Keywords whose values differ when httpx's verbs call an overridden request():
# httpx hands on auth/timeout/follow_redirects as USE_CLIENT_DEFAULT, a raw body
# as content= (data= is a form), and has no per-request verify/cert/proxies/
# hooks/stream. An override naming one of them (or looking inside its
# ``**kwargs``) would see other values than under requests.
REQUEST_KEYWORDS_CHANGED = frozenset(
    {
        "allow_redirects",
        "auth",
        "cert",
        "content",
        "data",
        "extensions",
        "follow_redirects",
        "hooks",
        "proxies",
        "stream",
        "timeout",
        "verify",
    }
)

# Requests built by hand, then prepared and sent (``session.send(req.prepare())``):
# httpx.Request takes none of their arguments after ``files``/``auth``/``hooks``.
REQUESTS_REQUEST_BUILDERS = frozenset(
    {
        "requests.Request",
        "requests.models.Request",
        "requests.PreparedRequest",
        "requests.models.PreparedRequest",
    }
)


_AUTHLIB = "authlib.integrations.httpx_client"
# What a requests extension becomes when ported to httpx by hand.
_PORTS = {
    "requests.Session": "an httpx.AsyncClient subclass",
    "requests.sessions.Session": "an httpx.AsyncClient subclass",
    "requests.auth.AuthBase": "an httpx.Auth",
    "requests.adapters.BaseAdapter": "an httpx transport",
    "requests.adapters.HTTPAdapter": "an httpx transport",
    "requests_oauthlib.OAuth1Session": f"authlib's AsyncOAuth1Client ({_AUTHLIB})",
    "requests_oauthlib.OAuth2Session": f"authlib's AsyncOAuth2Client ({_AUTHLIB})",
    "requests_oauthlib.OAuth1": f"authlib's OAuth1Auth ({_AUTHLIB})",
    "requests_oauthlib.OAuth2": f"authlib's OAuth2Auth ({_AUTHLIB})",
}


def port_to(extended: str) -> str:
    """What a class extending ``extended`` is ported to (a third-party class: httpx)."""
    return _PORTS.get(extended, "httpx")


def requests_family(name: str, own: Collection[str] = ()) -> bool:
    """A name from a third-party package built on requests (``requests_oauthlib.OAuth1``);
    not one of the packages in ``own``, the project's (hvac migrating itself)."""
    top = name.split(".", 1)[0]
    if top in own:
        return False
    family = top.startswith("requests_") and top != "requests_mock"
    return family or top in REQUESTS_BASED_PACKAGES


# unittest's per-test hooks and their IsolatedAsyncioTestCase twins.
UNITTEST_ASYNC_HOOKS = {"setUp": "asyncSetUp", "tearDown": "asyncTearDown"}
# Hooks the test runner calls synchronously around a class's or a module's tests
# (and pytest's xunit-style ones around each test): neither unittest nor
# pytest-asyncio awaits them, so they stay sync and bridge to async code.
SYNC_TEST_HOOKS = frozenset(
    {
        *("setUpClass", "tearDownClass", "setUpModule", "tearDownModule"),
        *("setup_module", "teardown_module", "setup_class", "teardown_class"),
        *("setup_method", "teardown_method", "setup_function", "teardown_function"),
    }
)
# Calls (by their last name) that take a class without making an instance of it.
CLASS_CHECKS = frozenset({"isinstance", "issubclass", "assertIsInstance", "assertNotIsInstance"})
# Calls given an object and an attribute name, which read or replace that attribute
# (``monkeypatch.setattr(Jenkins, "_poll", fake)``): the object is no value handed on.
ATTRIBUTE_PATCHERS = (
    "monkeypatch.setattr",
    "monkeypatch.delattr",
    "patch.object",
    "builtins.getattr",
    "builtins.hasattr",
    "builtins.setattr",
    "builtins.delattr",
    "mocker.spy",
)


def makes_nothing(receiver: str | None, position: int | None, keyword: str | None = None) -> bool:
    """Whether a class handed to ``receiver`` (at ``position``, or as ``keyword``) is
    only looked at: ``isinstance(x, C)``, ``super(C, self)``, ``assertIs(x, C)``,
    ``monkeypatch.setattr(C, "poll", f)``, ``mocker.spy(C, "poll")``, ``Mock(spec=C)``.
    No instance is made where the analysis cannot see."""
    name = receiver or ""
    if name.rsplit(".", 1)[-1] in {*CLASS_CHECKS, "super", "assertIs", "assertIsNot"}:
        return True
    if keyword in ("spec", "spec_set") or name.endswith("create_autospec"):
        return True  # a mock shaped like the class: it never calls it
    return position == 0 and name.endswith(ATTRIBUTE_PATCHERS)


# Third-party packages that send their HTTP through requests (besides the
# ``requests_*`` family, e.g. requests_oauthlib): code using them keeps
# requests' traffic after a migration, so requests mocks around it stay.
REQUESTS_BASED_PACKAGES = frozenset({"docker", "github", "gitlab", "hvac", "jira", "tweepy"})
# Calls that put a fake in place of ``target``: ``patch("mod.f", fake)``,
# ``patch.object(mod, "f", fake)`` (also as decorators and context managers).
PATCHERS = frozenset(
    f"{package}.{name}"
    for package in ("unittest.mock", "mock", "<fixture>.mocker")
    for name in ("patch", "patch.object")
)
# Mocks whose calls return plain values; their async twin is AsyncMock.
SYNC_MOCKS = frozenset(
    f"{package}.{name}" for package in ("unittest.mock", "mock") for name in ("Mock", "MagicMock")
)
# ``patch.object(Plugins, "restart_required", new_callable=PropertyMock)``: once the
# property is an async method, the patch makes an AsyncMock for it instead.
PROPERTY_MOCKS = frozenset(
    f"{package}.PropertyMock" for package in ("unittest.mock", "mock", "mock.mock")
)


def plain_mock(name: str | None) -> bool:
    """``mock.MagicMock``, ``unittest.mock.Mock``, pytest-mock's ``mocker.Mock`` and
    ``mocker.stub`` (``<fixture>.mocker.Mock``), resolved: a mock whose calls return
    plain values. A stub held in a local is not one here: specced on a function,
    it passes for a coroutine function, and an ``AsyncMock`` wrapping it awaits
    what it returns."""
    head, _, last = (name or "").rpartition(".")
    return name in SYNC_MOCKS or (
        head.endswith(">.mocker") and last in ("Mock", "MagicMock", "stub")
    )


def is_test_path(path: str) -> bool:
    """Whether pytest collects ``path`` as a test module (or it is a conftest), by
    its own names or the project's ``python_files``, or it is one named as
    unittest's and nose's runners find them (``tests.py``, ``api_tests.py``)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        name.startswith("test_")
        or name.endswith(("_test.py", "_tests.py"))
        or name in ("conftest.py", "tests.py", "test.py")
        or configured_test_file(path)
    )


# Dunders that may become async: ``__init__`` behind an async factory, the
# context manager pair as ``__aenter__``/``__aexit__``, ``__getitem__`` as an
# ``async def`` whose subscripts are awaited (``await pages[name]``), an
# iterator's ``__next__`` as ``__anext__`` (``async for page in pages``), a
# dataclass's ``__post_init__`` behind an async factory as ``__init__`` is.
ASYNC_DUNDERS = frozenset(
    {"__init__", "__post_init__", "__enter__", "__exit__", "__getitem__", "__next__"}
)
# What a dataclass's ``__post_init__`` becomes when it awaits: its ``create`` runs it.
ASYNC_POST_INIT = "_async_post_init"


# requests.Session and requests.auth.AuthBase subclasses (analyse/subclasses.py).
#
# What an httpx.Request has with the meaning a PreparedRequest's has, read in
# an auth's ``__call__``.
AUTH_REQUEST_ATTRS = frozenset({"headers", "method"})
# What the rewrite carries over to an httpx.Request (``rules/http_auth.py``):
# ``r.url`` read as ``str(r.url)``, ``r.path_url`` as the URL's raw path (the
# path and query, as sent), ``r.body`` as requests held it, and these set by
# ``=``: the url as an httpx.URL, the headers keeping the body's framing, the
# body on a new request.
AUTH_REQUEST_READS = frozenset({"url", "path_url", "body", "prepare_headers()"})
AUTH_REQUEST_WRITES = frozenset({"url", "headers", "body"})
# httpx.Auth's own methods: an auth class defining one would change the flow.
HTTPX_AUTH_NAMES = frozenset(
    {
        "auth_flow",
        "sync_auth_flow",
        "async_auth_flow",
        "requires_request_body",
        "requires_response_body",
    }
)
# requests' keywords a request method may name or look for in its **kwargs:
# httpx's verbs hand each on in another form (a raw body as content=,
# USE_CLIENT_DEFAULT when not given, follow_redirects=), which the converted
# method gets back as requests' (``rules/http_subclasses.py``).
REQUESTS_VIEW = frozenset({"data", "auth", "timeout", "allow_redirects"})
# requests' per-request keywords httpx takes only when the client is made.
PER_CLIENT_KEYWORDS = frozenset({"verify", "cert", "proxies", "hooks"})
# What httpx's verbs hand ``request``.
HTTPX_REQUEST_KEYWORDS = frozenset(
    {
        *("content", "data", "files", "json", "params", "headers", "cookies"),
        *("auth", "follow_redirects", "timeout", "extensions"),
    }
)
# requests.Session methods an AsyncClient has under another form.
SESSION_RENAMED = {
    "close": "the AsyncClient closes with aclose()",
    "__enter__": "the AsyncClient is entered with async with",
    "__exit__": "the AsyncClient is entered with async with",
}
# ``patched.return_value.items``: what a mock gives, whatever it stands for; a
# read through it reads no project property.
MOCK_RESULT = "return_value"


def patch_injected(decorators: list[ast.expr]) -> int:
    """How many arguments ``mock.patch`` decorators hand the function first (pytest
    takes them off the fixtures it gives)."""
    return sum(hands_mock(decorator) for decorator in decorators)


def hands_mock(decorator: ast.expr) -> bool:
    """Whether a decorator is a ``mock.patch`` / ``patch.object`` handing the function
    the mock it makes: one not given what to put in place (``new``)."""
    if not isinstance(decorator, ast.Call):
        return False
    name = ast.unparse(decorator.func)
    if name.endswith(".object") and name.removesuffix(".object").endswith("patch"):
        given = len(decorator.args) >= 3
    elif name == "patch" or name.endswith(".patch"):
        given = len(decorator.args) >= 2
    else:
        return False
    return not (given or any(k.arg == "new" for k in decorator.keywords))


def unbridged(func: ast.expr, resolve: Callable[[ast.AST], str | None]) -> ast.expr:
    """What a call of ``func`` calls, seeing through a bridge: ``async_to_sync(f)(x)``
    calls ``f``."""
    if isinstance(func, ast.Call) and func.args and resolve(func.func) in BRIDGES:
        return func.args[0]
    return func
