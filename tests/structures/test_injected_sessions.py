"""Sessions a caller may hand in (``session or requests.Session()``): converted
with every session handed in, or kept on requests as a whole with the reason.

The golden case ``async-propagation/injected-session`` runs both ways against
loopback upstreams (``tests/rewrite/test_case_drivers.py``); here each kind of
caller is checked to convert the class or to keep it, and the plan to say why.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

API = """
    from typing import Optional

    import requests

    class Api:
        def __init__(self, base, session: Optional[requests.Session] = None, **options):
            self.base = base
            self.session = session if session is not None else requests.Session()

        def user(self, uid):
            return self.session.get(f"{self.base}/users/{uid}").json()
"""


def _analyse(tmp_path: Path, caller: str) -> tuple[bool, list[str]]:
    """Whether ``Api.user`` becomes async with ``caller`` in the project, and the
    reasons the plan gives for what stays on requests."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "api.py").write_text(textwrap.dedent(API))
    (package / "use.py").write_text(textwrap.dedent(caller))
    graph, colouring = (lambda a: (a.graph, a.colouring))(analyse_paths([tmp_path]))
    reasons = [why for calls in graph.kept.values() for _, why in calls]
    return colouring.is_async("pkg.api.Api.user"), reasons


CONVERTED = {
    "no session": """
        from .api import Api

        def name(uid):
            return Api("http://x").user(uid)["name"]
    """,
    "None": """
        from .api import Api

        def name(uid):
            return Api("http://x", None).user(uid)["name"]
    """,
    "one made by an async caller": """
        import requests

        from .api import Api

        def names(uids):
            with requests.Session() as session:
                api = Api("http://x", session=session)
                return [api.user(uid)["name"] for uid in uids]
    """,
    "a subclass handing on its **kwargs whole, given none": """
        from .api import Api

        class TokenApi(Api):
            def __init__(self, base, token, **kwargs):
                super().__init__(base, **kwargs)
                self.token = token

        def name(uid):
            return TokenApi("http://x", "t", timeout=2).user(uid)["name"]
    """,
    "a parameter whose callers hand in nothing": """
        import requests

        from .api import Api

        def name(uid, session: requests.Session = None):
            return Api("http://x", session).user(uid)["name"]

        def first():
            return name(1)
    """,
}

KEPT = {
    "a session made in sync code": (
        """
        import requests

        from .api import Api

        def connect():
            return Api("http://x", requests.Session())

        def name(uid):
            return connect().user(uid)["name"]
        """,
        "use.connect (line 7) hands Api its session, made in code that stays sync",
    ),
    "a mock": (
        """
        from unittest import mock

        from .api import Api

        def name(uid):
            return Api("http://x", mock.Mock()).user(uid)["name"]
        """,
        "hands Api its session as a value the migration does not make an httpx.AsyncClient",
    ),
    "**kwargs it reads": (
        """
        from .api import Api

        def name(uid, **options):
            options.setdefault("timeout", 5)
            return Api("http://x", **options).user(uid)["name"]
        """,
        "through *args/**kwargs, which the migration cannot follow",
    ),
    "a session made in sync code, through a subclass's **kwargs": (
        """
        import requests

        from .api import Api

        class TokenApi(Api):
            def __init__(self, base, token, **kwargs):
                super().__init__(base, **kwargs)
                self.token = token

        def connect():
            return TokenApi("http://x", "t", session=requests.Session())

        def name(uid):
            return connect().user(uid)["name"]
        """,
        "use.connect (line 12) hands Api its session, made in code that stays sync",
    ),
    "a parameter handed a session made in sync code": (
        """
        import requests

        from .api import Api

        def name(uid, session: requests.Session):
            return Api("http://x", session).user(uid)["name"]

        if __name__ == "__main__":
            print(name(1, requests.Session()))
        """,
        "its parameter session, which stays a requests.Session",
    ),
}


@pytest.mark.parametrize("caller", CONVERTED.values(), ids=CONVERTED.keys())
def test_the_class_converts_when_every_caller_hands_in_what_it_expects(
    tmp_path: Path, caller: str
) -> None:
    converted, reasons = _analyse(tmp_path, caller)
    assert converted
    assert not reasons


@pytest.mark.parametrize("caller, reason", KEPT.values(), ids=KEPT.keys())
def test_a_caller_handing_in_another_session_keeps_the_class_on_requests(
    tmp_path: Path, caller: str, reason: str
) -> None:
    converted, reasons = _analyse(tmp_path, caller)
    assert not converted
    assert reasons
    assert all(reason in why for why in reasons), reasons


CHANGED = """
    import requests
    from requests.adapters import HTTPAdapter


    class Api:
        def __init__(self, base, session=None):
            self.base = base
            self.session = session or requests.Session()
            self.session.mount("http://", HTTPAdapter(max_retries=2))

        def token(self):
            return self.session.post(f"{self.base}/login", json={}).json()["token"]
"""

HANDS_ITS_OWN = """
    import requests

    from api import Api


    def token(base):
        session = requests.Session()
        try:
            return Api(base, session=session).token()
        finally:
            session.close()
"""


def test_a_session_its_caller_makes_stays_what_the_class_keeps(tmp_path: Path) -> None:
    """The class changes the session it is given, so a caller handing in its own
    keeps it on requests: that caller's session stays a requests.Session too,
    not an AsyncClient handed to code calling ``mount`` and ``post`` on it."""
    from tests.rewrite.harness import applied

    (tmp_path / "api.py").write_text(textwrap.dedent(CHANGED))
    assert applied(tmp_path, HANDS_ITS_OWN, "use.py") == textwrap.dedent(HANDS_ITS_OWN)
    assert (tmp_path / "api.py").read_text() == textwrap.dedent(CHANGED)
