"""A session a factory makes for ``self.<attr>``, a local or a module global: kept on
requests as a whole, and said so.

``self.session = self.create_session(**options)``, where the base class's
``create_session`` raises NotImplementedError and a subclass in another module
makes the ``requests.Session`` and sets its attributes with ``setattr(session,
name, value)``: the calls made through ``self.session`` are seen (the engine's
``request`` sends through it) and stay on requests, with the plan naming the
attribute, the factory, and what would carry it across. Nothing else changes:
never a silent no-op, never half a migration.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

ENGINE = {
    "pkg/__init__.py": "",
    "pkg/engines/__init__.py": """
        from .base import BaseEngine
        from .sync import SyncEngine

        DefaultEngine = SyncEngine
    """,
    "pkg/engines/base.py": """
        class BaseEngine:
            def __init__(self, **options):
                self.requests = dict(dict(headers={}), **options.get("requests", {}))
                self.session = self.create_session(**self.requests)

            @staticmethod
            def create_session(**params):
                raise NotImplementedError

            def request(self, method, url):
                response = self.session.request(method, url)
                response.raise_for_status()
                return response.json()
    """,
    "pkg/engines/sync.py": """
        import requests

        from .base import BaseEngine


        class SyncEngine(BaseEngine):
            @staticmethod
            def create_session(**params):
                session = requests.Session()

                for param in params:
                    setattr(session, param, params[param])

                return session
    """,
}

FACTORY_METHOD = {
    "pkg/__init__.py": "",
    "pkg/api.py": """
        import requests


        class Api:
            def __init__(self, base, key):
                self.base = base
                self.session = self.make_session(key)

            def make_session(self, key):
                session = requests.Session()
                session.headers["X-Key"] = key
                return session

            def user(self, uid):
                return self.session.get(f"{self.base}/users/{uid}").json()
    """,
}

FACTORY = """
    import requests


    def make_session():
        session = requests.Session()
        session.headers.update({"X-Key": "k"})
        return session
"""

FACTORY_IN_A_LOCAL = {
    "pkg/__init__.py": "",
    "pkg/api.py": FACTORY
    + """

    def users(base, uids):
        s = make_session()
        return [s.get(f"{base}/users/{uid}").json() for uid in uids]
    """,
}

FACTORY_IN_A_GLOBAL = {
    "pkg/__init__.py": "",
    "pkg/api.py": FACTORY
    + """

    SESSION = make_session()


    def user(base, uid):
        return SESSION.get(f"{base}/users/{uid}").json()
    """,
}

FACTORY_IN_AN_ATTRIBUTE = {
    "pkg/__init__.py": "",
    "pkg/sessions.py": """
        import requests


        def make_session(key):
            session = requests.Session()
            session.headers["X-Key"] = key
            return session
    """,
    "pkg/api.py": """
        from .sessions import make_session


        class Store:
            def __init__(self, base, key):
                self.base = base
                self.session = make_session(key)

            def get(self, name):
                return self.session.get(f"{self.base}/{name}").json()
    """,
}

FACTORY_THAT_LOGS_IN = """
    import requests


    def make_session():
        s = requests.Session()
        s.post("https://api.example.com/login", json={"user": "u"})
        return s


    def user(base, uid):
        s = make_session()
        return s.get(f"{base}/users/{uid}").json()
"""

FACTORY_CONFIGURING_UNDER_A_CONDITION = """
    import requests


    def make_session(token=None):
        s = requests.Session()
        if token:
            s.headers["Authorization"] = token
        return s


    def user(base, uid):
        s = make_session()
        return s.get(f"{base}/users/{uid}").json()
"""

FACTORY_SESSIONS_HANDED_ON = {
    "pkg/__init__.py": "",
    "pkg/api.py": FACTORY
    + """

    SESSION = make_session()


    def fetch(session, name):
        return session.get(f"https://api.example.com/{name}").json()


    def from_the_global():
        return fetch(SESSION, "x")


    def from_a_local():
        s = make_session()
        try:
            return fetch(s, "y")
        finally:
            s.close()


    class Client:
        def __init__(self):
            self.http = make_session()

        def run(self):
            return fetch(self.http, "z")
    """,
}

ANNOTATED_FACTORY_IN_A_WITH = {
    "pkg/__init__.py": "",
    "pkg/api.py": """
        import requests


        def make_session() -> requests.Session:
            return requests.Session()


        def user(base, uid):
            with make_session() as s:
                return s.get(f"{base}/users/{uid}").json()
    """,
}

FACTORY_IMPORTED_INTO_A_GLOBAL = {
    "pkg/__init__.py": "",
    "pkg/sessions.py": FACTORY,
    "pkg/api.py": """
        from .sessions import make_session

        SESSION = make_session()


        def user(base, uid):
            return SESSION.get(f"{base}/users/{uid}").json()
    """,
}

FIELD_FACTORY = """
    from dataclasses import dataclass, field

    import requests


    @dataclass
    class Api:
        base: str
        session: requests.Session = field(default_factory=requests.Session)

        def user(self, uid):
            return self.session.get(f"{self.base}/users/{uid}").json()
"""

HANDED_MAKER = """
    import requests


    class Api:
        def __init__(self, base, make_session):
            self.base = base
            self.session: requests.Session = make_session()

        def user(self, uid):
            return self.session.get(f"{self.base}/users/{uid}").json()
"""

SHAPES = {
    "an annotated attribute given what a callable handed in makes": (
        {"pkg/__init__.py": "", "pkg/api.py": HANDED_MAKER},
        "pkg.api.Api.user",
        "stays on requests: self.session is given what make_session() gives, which the"
        " migration cannot see: make the session there (or hand one in) to migrate it",
    ),
    "a dataclass field's default_factory": (
        {"pkg/__init__.py": "", "pkg/api.py": FIELD_FACTORY},
        "pkg.api.Api.user",
        "stays on requests: Api.session is made by its field's factory, which the migration"
        " does not make a client per event loop (it does where a method or the class body"
        " makes one)",
    ),
    "a dataclass field's factory that is a lambda": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FIELD_FACTORY.replace(
                "default_factory=requests.Session", "default_factory=lambda: requests.Session()"
            ),
        },
        "pkg.api.Api.user",
        "stays on requests: Api.session is made by its field's factory, which the migration"
        " does not make a client per event loop (it does where a method or the class body"
        " makes one)",
    ),
    "an override in another module, configured by setattr": (
        ENGINE,
        "pkg.engines.base.BaseEngine.request",
        "stays on requests: self.session is made by SyncEngine.create_session, which"
        " sets its attributes by names known only at run time (setattr(session, ...) at"
        " sync.py:12): httpx.AsyncClient takes verify, cert, proxies and trust_env only when it"
        " is made, so pass each setting to httpx.AsyncClient(...) by name",
    ),
    "a method of the class a subclass overrides": (
        {
            **FACTORY_METHOD,
            "pkg/api.py": FACTORY_METHOD["pkg/api.py"]
            + """

        class TracedApi(Api):
            def make_session(self, key):
                session = super().make_session(key)
                session.hooks["response"].append(print)
                return session
    """,
        },
        "pkg.api.Api.user",
        "stays on requests: self.session (an attribute) is made by Api.make_session,"
        " a factory (api.py:9) that stays sync and keeps making a requests.Session:"
        " TracedApi overrides it (api.py:19)",
    ),
    "a factory that logs in": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY_THAT_LOGS_IN,
        },
        "pkg.api.user",
        "stays on requests: s (a local) is made by api.make_session, a factory (api.py:4)"
        " that stays sync and keeps making a requests.Session: sends a request (api.py:6)",
    ),
    "a session of a factory that logs in, handed on to a function": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY_THAT_LOGS_IN
            + """

    def fetch(session, url):
        return session.get(url).json()


    def main(url):
        s = make_session()
        return fetch(s, url)
    """,
        },
        "pkg.api.fetch",
        "stays on requests: session is handed a session made by api.make_session, which"
        " stays on requests",
    ),
    "a factory making a sync httpx.Client": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": """
    import httpx


    def make_client():
        c = httpx.Client(timeout=3)
        return c


    CLIENT = make_client()


    def get(url):
        return CLIENT.get(url).json()
    """,
        },
        "pkg.api.get",
        "stays sync: CLIENT (a module global) is made by api.make_client, a factory"
        " (api.py:4) that stays sync and keeps making an httpx.Client: only a factory"
        " making a requests.Session moves",
    ),
    "a factory's session kept under an annotation": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": """
    import requests


    def make_session() -> requests.Session:
        return requests.Session()


    SESSION: requests.Session = make_session()


    def user(url):
        return SESSION.get(url).json()
    """,
        },
        "pkg.api.user",
        "stays on requests: SESSION (a module global) is made by api.make_session, a factory"
        " (api.py:4) that stays sync and keeps making a requests.Session: its session is kept"
        " in an annotated name (api.py:8)",
    ),
    "a factory's session set up further where it is kept": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY
            + """

    class Api:
        def __init__(self, token):
            self.session = make_session()
            self.session.headers["T"] = token

        def user(self, url):
            return self.session.get(url).json()
    """,
        },
        "pkg.api.Api.user",
        "stays on requests: self.session (an attribute) is made by api.make_session, a"
        " factory (api.py:4) that stays sync and keeps making a requests.Session:"
        " self.session is set up after the factory made it (api.py:13)",
    ),
    "a factory that configures its session under a condition": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY_CONFIGURING_UNDER_A_CONDITION,
        },
        "pkg.api.user",
        "stays on requests: s (a local) is made by api.make_session, a factory (api.py:4)"
        " that stays sync and keeps making a requests.Session: does more than make and"
        " configure it (api.py:6)",
    ),
    "a factory whose session is used where it is made": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY
            + """

    SESSION = make_session()


    def user(base, uid):
        return SESSION.get(f"{base}/users/{uid}").json()


    def raw(base):
        return make_session().get(base).text
    """,
        },
        "pkg.api.user",
        "stays on requests: SESSION (a module global) is made by api.make_session, a factory"
        " (api.py:4) that stays sync and keeps making a requests.Session: its session is used"
        " where it is made (api.py:18)",
    ),
}

MOVES = {
    "a method of the class, reading what its caller gave": (
        FACTORY_METHOD,
        ["pkg.api.Api.user"],
        [
            "self.session = AsyncClientPerLoop(functools.partial(self.make_session, key))",
            "session = httpx.AsyncClient(",
        ],
    ),
    "a session kept per thread, made on first use (see test_lazy_sessions)": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": """
    import threading

    import requests

    _local = threading.local()


    def make_session():
        if not hasattr(_local, "s"):
            _local.s = requests.Session()
        return _local.s


    def user(base, uid):
        return make_session().get(f"{base}/users/{uid}").json()
    """,
        },
        ["pkg.api.user"],
        ["_local.s = AsyncClientPerLoop(_new_s)", "(await make_session().get("],
    ),
    "a factory reached through its module": (
        {
            "pkg/__init__.py": "",
            "pkg/sessions.py": FACTORY,
            "pkg/api.py": """
    from . import sessions

    SESSION = sessions.make_session()


    def user(url):
        return SESSION.get(url).json()


    class C:
        def __init__(self):
            self.http = sessions.make_session()

        def get(self, url):
            return self.http.get(url).json()
    """,
        },
        ["pkg.api.C.get", "pkg.api.user"],
        [
            "SESSION = AsyncClientPerLoop(sessions.make_session)",
            "self.http = AsyncClientPerLoop(sessions.make_session)",
            "(await SESSION.get(url))",
        ],
    ),
    "a factory's session set on self in a method other than __init__": (
        {
            "pkg/__init__.py": "",
            "pkg/api.py": FACTORY
            + """

    class Api:
        def __init__(self, url):
            self.url = url
            self.session = None

        def login(self):
            self.session = make_session()

        def get(self):
            return self.session.get(self.url).json()
    """,
        },
        ["pkg.api.Api.get"],
        ["self.session = AsyncClientPerLoop(make_session)", "(await self.session.get("],
    ),
    "a factory's sessions handed on to a function": (
        FACTORY_SESSIONS_HANDED_ON,
        ["pkg.api.Client.run", "pkg.api.fetch", "pkg.api.from_a_local", "pkg.api.from_the_global"],
        [
            "SESSION = AsyncClientPerLoop(make_session)",
            "self.http = AsyncClientPerLoop(make_session)",
            "session = httpx.AsyncClient(",
            "await s.aclose()",
        ],
    ),
    "a top-level factory's session in a local": (
        FACTORY_IN_A_LOCAL,
        ["pkg.api.users"],
        ["async def users", "s = make_session()", "gather_in_order("],
    ),
    "a top-level factory's session in a module global": (
        FACTORY_IN_A_GLOBAL,
        ["pkg.api.user"],
        ["SESSION = AsyncClientPerLoop(make_session)", "(await SESSION.get("],
    ),
    "an annotated factory's session entered by a with": (
        ANNOTATED_FACTORY_IN_A_WITH,
        ["pkg.api.user"],
        [
            "def make_session() -> httpx.AsyncClient:",
            "return httpx.AsyncClient(",
            "async with make_session() as s:",
        ],
    ),
    "an imported factory's session in a module global": (
        FACTORY_IMPORTED_INTO_A_GLOBAL,
        ["pkg.api.user"],
        ["SESSION = AsyncClientPerLoop(make_session)"],
    ),
    "a factory's session in an attribute, with arguments": (
        FACTORY_IN_AN_ATTRIBUTE,
        ["pkg.api.Store.get"],
        [
            "self.session = AsyncClientPerLoop(functools.partial(make_session, key))",
            "(await self.session.get(",
        ],
    ),
}


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())
    return root


@pytest.mark.parametrize("files, function, reason", SHAPES.values(), ids=SHAPES.keys())
def test_a_session_a_factory_makes_stays_on_requests_and_the_plan_says_why(
    tmp_path: Path, files: dict[str, str], function: str, reason: str
) -> None:
    analysis = analyse_paths([_write(tmp_path, files)])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    assert reasons[function] == reason
    # The factory's own session (and what it does with it: logs in) stays too.
    assert set(reasons) <= {function, "pkg.api.make_session", "pkg.api.raw", "pkg.api.user"}


@pytest.mark.parametrize("files", [s[0] for s in SHAPES.values()], ids=SHAPES.keys())
def test_apply_changes_nothing_when_the_factory_session_stays(
    tmp_path: Path, files: dict[str, str]
) -> None:
    root = _write(tmp_path, files)
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == before


@pytest.mark.parametrize("files, functions, written", MOVES.values(), ids=MOVES.keys())
def test_a_session_a_plain_factory_makes_moves_to_httpx(
    tmp_path: Path, files: dict[str, str], functions: list[str], written: list[str]
) -> None:
    root = _write(tmp_path, files)
    analysis = analyse_paths([root])
    assert sorted(analysis.colouring.async_functions) == functions
    assert not analysis.colouring.review
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )
    text = "\n".join(p.read_text() for p in sorted(root.rglob("*.py")))
    for line in written:
        assert line in text
    assert "requests" not in text
    again = {p: p.read_bytes() for p in root.rglob("*.py")}
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == again


def test_a_session_kept_in_code_staying_sync_keeps_all_of_its_factory_on_requests(
    tmp_path: Path,
) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/api.py": FACTORY
        + """

    def users(base, uids):
        s = make_session()
        return [s.get(f"{base}/users/{uid}").json() for uid in uids]


    def pick(urls):
        s = make_session()
        return sorted(urls, key=lambda u: s.get(u).json()["n"])
    """,
    }
    analysis = analyse_paths([_write(tmp_path, files)])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    assert reasons["pkg.api.users"].startswith(
        "stays on requests: s (a local) is made by api.make_session, a factory (api.py:4)"
        " that stays sync and keeps making a requests.Session: one of its sessions stays on"
        " requests (pick calls s.get and stays sync"
    )


def test_a_global_only_code_staying_sync_calls_keeps_its_factory_on_requests(
    tmp_path: Path,
) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/api.py": FACTORY
        + """

    SESSION = make_session()


    def ranked(urls):
        return sorted(urls, key=lambda u: SESSION.get(u).json()["n"])


    def one(url):
        s = make_session()
        return s.get(url).json()
    """,
    }
    analysis = analyse_paths([_write(tmp_path, files)])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    assert reasons["pkg.api.ranked"].startswith("stays on requests: ranked calls SESSION.get")
    assert "one of its sessions stays on requests" in reasons["pkg.api.one"]


def test_a_session_handed_to_code_staying_sync_keeps_its_factory_on_requests(
    tmp_path: Path,
) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/api.py": FACTORY
        + """

    def count(session, urls):
        return sorted(urls, key=lambda u: session.get(u).json()["n"])


    def main(urls):
        s = make_session()
        return count(s, urls)


    def other(url):
        s = make_session()
        return s.get(url).json()
    """,
    }
    analysis = analyse_paths([_write(tmp_path, files)])
    assert not analysis.colouring.async_functions
    reasons = {r.function: r.reason for r in analysis.colouring.review}
    assert reasons["pkg.api.count"] == (
        "stays on requests: session is handed a session made by api.make_session, which"
        " stays on requests"
    )
    assert "count is handed a session api.make_session makes" in reasons["pkg.api.other"]
