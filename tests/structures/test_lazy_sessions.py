"""A session a client class makes on first use, handed out by a method or a property.

``self._get_session().get(...)`` where ``_get_session`` makes
``self._session`` on first use and returns it (or a ``@property`` doing so, or
a getter of an attribute set elsewhere) moves to httpx with the attribute it
holds: a client per event loop made the same lazy way, every method calling
through it async, nothing left to review; so does a top-level function handing
out the session a module global or a thread-local holds (``getattr(_local,
"s", None)``, ``global _SESSION``). One that sends a request with the session
it makes (logs in) keeps it on requests: a client per loop would be logged in
on the first loop only. A method or property that makes a
new session each time, or a ``functools.cached_property`` / memoised method
keeping the one it makes, has no attribute to make that client for: its
calls stay on requests and the plan names the file and line of what made the
session. Never silent, never half-migrated (see
tests/rewrite/cases/http-client/session-made-lazily for the behaviour run
against loopback upstreams).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

MOVES = {
    "a method making it on first use": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._session = None

        def _get_session(self):
            if self._session is None:
                self._session = requests.Session()
                self._session.headers["X-Client"] = "api"
            return self._session

        def user(self, name):
            return self._get_session().get(f"{self.base}/users/{name}").json()

        def close(self):
            if self._session is not None:
                self._session.close()
    """,
        ["pkg.api.Api.close", "pkg.api.Api.user"],
        [
            "self._session = AsyncClientPerLoop(_new_session)",
            "(await self._get_session().get(",
            "async def aclose(self):",
            "await self._session.aclose()",
        ],
    ),
    "a property making it on first use": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._session = None

        @property
        def session(self):
            if self._session is None:
                self._session = requests.Session()
            return self._session

        def user(self, name):
            return self.session.get(f"{self.base}/users/{name}").json()
    """,
        ["pkg.api.Api.user"],
        ["self._session = AsyncClientPerLoop(_new_session)", "(await self.session.get("],
    ),
    "a getter of the session __init__ makes": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._s = requests.Session()

        def session(self):
            return self._s

        def user(self, name):
            return self.session().get(f"{self.base}/users/{name}").json()
    """,
        ["pkg.api.Api.user"],
        ["self._s = AsyncClientPerLoop(_new_s)", "(await self.session().get("],
    ),
    "made inline before the request": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._s = None

        def user(self, name):
            if self._s is None:
                self._s = requests.Session()
            return self._s.get(f"{self.base}/users/{name}").json()
    """,
        ["pkg.api.Api.user"],
        ["self._s = AsyncClientPerLoop(_new_s)", "(await self._s.get("],
    ),
    "a method making it on first use, called on an instance": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._s = None

        def session(self):
            if self._s is None:
                self._s = requests.Session()
            return self._s


    def user(base, name):
        api = Api(base)
        return api.session().get(f"{base}/users/{name}").json()
    """,
        ["pkg.api.user"],
        ["self._s = AsyncClientPerLoop(_new_s)", "(await api.session().get("],
    ),
    "a base class's method making it on first use": (
        """
    class Base:
        def __init__(self, base):
            self.base = base
            self._session = None

        def _get_session(self):
            if self._session is None:
                self._session = requests.Session()
            return self._session


    class Users(Base):
        def get(self, name):
            return self._get_session().get(f"{self.base}/users/{name}").json()
    """,
        ["pkg.api.Users.get"],
        ["self._session = AsyncClientPerLoop(_new_session)", "(await self._get_session().get("],
    ),
    "the session __init__ makes, called on an instance": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self.http = requests.Session()


    def user(base, name):
        api = Api(base)
        return api.http.get(f"{base}/users/{name}").json()
    """,
        ["pkg.api.user"],
        ["self.http = AsyncClientPerLoop(_new_http)", "(await api.http.get("],
    ),
}

# A top-level function handing out the session a module global (or a thread-local's
# attribute) holds: the holder gets a client per event loop, made where it was.
MODULE_MOVES = {
    "kept per thread, read with getattr": (
        """
    _local = threading.local()


    def session():
        s = getattr(_local, "s", None)
        if s is None:
            s = _local.s = requests.Session()
            s.headers["X-Client"] = "api"
        return s


    def user(base, name):
        return session().get(f"{base}/users/{name}").json()
    """,
        ["s = _local.s = AsyncClientPerLoop(_new_s)", "(await session().get("],
    ),
    "kept per thread, checked with hasattr": (
        """
    _local = threading.local()


    def session():
        if not hasattr(_local, "s"):
            _local.s = requests.Session()
        return _local.s


    def user(base, name):
        return session().get(f"{base}/users/{name}").json()
    """,
        ["_local.s = AsyncClientPerLoop(_new_s)", "(await session().get("],
    ),
    "a module global": (
        """
    _SESSION = None


    def session():
        global _SESSION
        if _SESSION is None:
            _SESSION = requests.Session()
            _SESSION.headers["X-Client"] = "api"
        return _SESSION


    def user(base, name):
        return session().get(f"{base}/users/{name}").json()
    """,
        ["_SESSION = AsyncClientPerLoop(_new_session)", "(await session().get("],
    ),
}

# The function or method making it on first use sends a request with it (logs in):
# a client per loop would be logged in on the first loop only.
SENDING = {
    "a method logging in on first use": (
        """
    class Api:
        def __init__(self, base):
            self.base = base
            self._s = None

        def _session(self):
            if self._s is None:
                self._s = requests.Session()
                self._s.post(f"{self.base}/login", json={"user": "u"}).raise_for_status()
            return self._s

        def user(self, name):
            return self._session().get(f"{self.base}/users/{name}").json()
    """,
        ["pkg.api.Api._session", "pkg.api.Api.user"],
        "stays on requests: self._s is the session Api._session makes on first use and sends"
        " a request with (api.py:14)",
    ),
    "a function logging in on first use": (
        """
    _SESSION = None


    def session(base):
        global _SESSION
        if _SESSION is None:
            _SESSION = requests.Session()
            _SESSION.post(f"{base}/login", json={"user": "u"}).raise_for_status()
        return _SESSION


    def user(base, name):
        return session(base).get(f"{base}/users/{name}").json()
    """,
        ["pkg.api.session", "pkg.api.user"],
        "stays on requests: _SESSION is the session api.session makes on first use and sends"
        " a request with (api.py:13)",
    ),
}

STAYS = {
    "a cached property": (
        """
    class Api:
        def __init__(self, base):
            self.base = base

        @functools.cached_property
        def session(self):
            s = requests.Session()
            s.headers["X-Client"] = "api"
            return s

        def user(self, name):
            return self.session.get(f"{self.base}/users/{name}").json()
    """,
        "stays on requests: self.session is the session cached property Api.session"
        " makes (api.py:11)",
    ),
    "a memoised method": (
        """
    class Api:
        def __init__(self, base):
            self.base = base

        @functools.cache
        def session(self):
            return requests.Session()

        def user(self, name):
            return self.session().get(f"{self.base}/users/{name}").json()
    """,
        "stays on requests: self.session() is the session method memoised by functools.cache"
        " Api.session makes (api.py:11)",
    ),
    "a method making a new one on each call": (
        """
    class Api:
        def __init__(self, base):
            self.base = base

        def _new_session(self):
            s = requests.Session()
            s.headers["X-Client"] = "api"
            return s

        def user(self, name):
            return self._new_session().get(f"{self.base}/users/{name}").json()
    """,
        "stays on requests: self._new_session() is a new session Api._new_session makes"
        " on each call (api.py:10)",
    ),
    "a property making a new one on each read": (
        """
    class Api:
        def __init__(self, base):
            self.base = base

        @property
        def session(self):
            return requests.Session()

        def user(self, name):
            return self.session.get(f"{self.base}/users/{name}").json()
    """,
        "stays on requests: self.session is a new session Api.session makes on each read"
        " (api.py:11)",
    ),
}

HEADER = "import functools\nimport threading\n\nimport requests\n\n"
WHY = (
    ", not one an attribute holds: a client per event loop is made for an attribute set"
    " where the session is made (if self._session is None: self._session ="
    " requests.Session() ... return self._session); keep it so to migrate it"
)


def _write(root: Path, body: str) -> Path:
    (root / "pkg").mkdir()
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "api.py").write_text(HEADER + textwrap.dedent(body).lstrip())
    return root


def _apply(root: Path) -> dict[Path, bytes]:
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )
    return {p: p.read_bytes() for p in root.rglob("*.py")}


@pytest.mark.parametrize("body, functions, written", MOVES.values(), ids=MOVES.keys())
def test_a_session_made_on_first_use_moves_with_its_attribute(
    tmp_path: Path, body: str, functions: list[str], written: list[str]
) -> None:
    root = _write(tmp_path, body)
    analysis = analyse_paths([root])
    assert sorted(analysis.colouring.async_functions) == functions
    assert not analysis.colouring.review
    after = _apply(root)
    text = (root / "pkg" / "api.py").read_text()
    for line in written:
        assert line in text
    assert "requests" not in text
    assert "TODO" not in text  # the per-loop client closes with its loop
    assert _apply(root) == after


@pytest.mark.parametrize("body, reason", STAYS.values(), ids=STAYS.keys())
def test_a_session_made_where_it_is_used_stays_on_requests_and_the_plan_says_why(
    tmp_path: Path, body: str, reason: str
) -> None:
    root = _write(tmp_path, body)
    analysis = analyse_paths([root])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    assert reasons == {"pkg.api.Api.user": reason + WHY}
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    assert _apply(root) == before


@pytest.mark.parametrize("body, written", MODULE_MOVES.values(), ids=MODULE_MOVES.keys())
def test_a_session_a_function_makes_on_first_use_moves_with_its_global(
    tmp_path: Path, body: str, written: list[str]
) -> None:
    root = _write(tmp_path, body)
    analysis = analyse_paths([root])
    assert sorted(analysis.colouring.async_functions) == ["pkg.api.user"]
    assert not analysis.colouring.review
    after = _apply(root)
    text = (root / "pkg" / "api.py").read_text()
    for line in written:
        assert line in text
    assert "requests" not in text
    assert "def session(" in text  # it stays sync, and as lazy
    assert _apply(root) == after


@pytest.mark.parametrize("body, functions, reason", SENDING.values(), ids=SENDING.keys())
def test_a_session_sending_a_request_where_it_is_made_on_first_use_stays_on_requests(
    tmp_path: Path, body: str, functions: list[str], reason: str
) -> None:
    root = _write(tmp_path, body)
    analysis = analyse_paths([root])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    sent = (
        ": a client per event loop would send it on the first loop only, and keep what it set"
        " up (cookies) there"
    )
    assert reasons == dict.fromkeys(functions, reason + sent)
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    assert _apply(root) == before


def test_a_sync_user_reaching_the_session_another_way_keeps_it_on_requests(
    tmp_path: Path,
) -> None:
    """``self._session.get`` in a lambda (staying sync) and ``self._get_session().get``
    in a method are one client: both stay on requests, never half of them."""
    body = """
    class Api:
        def __init__(self, base):
            self.base = base
            self._session = None

        def _get_session(self):
            if self._session is None:
                self._session = requests.Session()
            return self._session

        def user(self, name):
            return self._get_session().get(f"{self.base}/users/{name}").json()

        def ranked(self, names):
            return sorted(names, key=lambda n: self._session.get(f"{self.base}/r/{n}").json())
    """
    root = _write(tmp_path, body)
    analysis = analyse_paths([root])
    assert not analysis.colouring.async_functions
    reasons = [r.reason for r in analysis.colouring.review]
    assert any("so user stays sync with it" in reason for reason in reasons)
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    assert _apply(root) == before
