"""A session handed to a function the migration cannot follow, and the tests beside it.

``cache.run(func=fetch, kwargs={"session": s})`` calls ``fetch`` where no call
site shows which session it gets: ``fetch(session: requests.Session)`` stays
on requests as a whole, with the plan naming where it is handed on, instead of
awaiting ``session.get`` on a requests.Session its callers still make. A test
that patches only ``requests.post`` catches the calls of the code that moves
to httpx and none of the code that stays: its patches move with that code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths
from migrate.plan import build_plan

CACHE = """
    import requests


    def run_and_cache(func, kwargs):
        return func(**kwargs)


    def cached_fetch(session: requests.Session, url: str) -> str:
        return run_and_cache(func=fetch, kwargs={"session": session, "url": url})


    def fetch(session: requests.Session, url: str) -> str:
        response = session.get(url)
        response.raise_for_status()
        return response.text
"""

FIND = """
    import requests

    from .cache import cached_fetch


    def find(url: str, session: requests.Session | None = None) -> str:
        if session is None:
            session = requests.Session()
        return cached_fetch(session, url)
"""

RELEASE = """
    import requests


    def publish(version: str) -> int:
        return requests.post("http://127.0.0.1:9/releases", json={"v": version}).status_code
"""

TEST_RELEASE = """
    from unittest import mock

    import pkg.find
    from pkg import release


    def test_publish():
        with mock.patch("requests.post") as post:
            post.return_value.status_code = 201
            assert release.publish("1.0") == 201
        assert post.call_count == 1
"""


PYPROJECT = """
    [project]
    name = "pkg"
    version = "1.0"
    dependencies = ["requests"]

    [tool.pytest.ini_options]
    filterwarnings = ["error"]
"""


def _project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())
    return root


def _package(root: Path) -> Path:
    return _project(
        root,
        {
            "pyproject.toml": PYPROJECT,
            "pkg/__init__.py": "",
            "pkg/cache.py": CACHE,
            "pkg/find.py": FIND,
            "pkg/release.py": RELEASE,
            "tests/__init__.py": "",
            "tests/test_release.py": TEST_RELEASE,
        },
    )


def test_a_session_handed_with_a_function_passed_as_a_value_stays_on_requests(
    tmp_path: Path,
) -> None:
    analysis = analyse_paths([_package(tmp_path)])
    colouring = analysis.colouring
    assert not colouring.is_async("pkg.cache.fetch")
    assert not colouring.is_async("pkg.find.find")
    reasons = [r.reason for r in colouring.review if r.function == "pkg.cache.fetch"]
    assert reasons == [
        "stays on requests: cache.fetch takes a session and is handed on as a value"
        " in cache.cached_fetch (line 9), so the migration cannot see which session"
        " it is called with"
    ]
    plan = build_plan(analysis)
    assert not [r for r in plan.needs_review if "requests mocks stay" in r.reason]


def test_patches_of_requests_post_move_with_the_code_that_calls_it(tmp_path: Path) -> None:
    migrated = _package(tmp_path / "project")
    cache = (migrated / "pkg/cache.py").read_bytes()
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(migrated), "--force"],
        check=True,
        capture_output=True,
    )
    assert (migrated / "pkg/cache.py").read_bytes() == cache
    assert "httpx.AsyncClient.post" in (migrated / "tests/test_release.py").read_text()
    # 127.0.0.1:9 refuses: a request the patch does not catch fails the test.
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=migrated,
        env={**os.environ, "PYTHONPATH": str(migrated)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout


QUERY = """
    class Request:
        def __init__(self, base, http_session):
            self.base = base
            self.http_session = http_session

        def get_status(self):
            return self.http_session.get(f"{self.base}/status/").json()
"""

API = """
    import requests

    from .app import App
    from .query import Request


    class Api:
        def __init__(self, url):
            self.base_url = url
            self.http_session = requests.Session()
            self.dcim = App(self, "dcim")

        def status(self):
            return Request(self.base_url, http_session=self.http_session).get_status()
"""

APP = """
    from .query import Request


    class App:
        def __init__(self, api, name):
            self.api = api
            self.name = name

        def config(self):
            base = f"{self.api.base_url}/{self.name}/config"
            return Request(base, http_session=self.api.http_session).get_status()
"""

TEST_APP = """
    from unittest import mock

    from pkg.app import App


    def test_config():
        api = mock.Mock(base_url="http://x")
        api.http_session.get.return_value.json.return_value = {"ok": True}
        assert App(api, "dcim").config() == {"ok": True}
"""

FILES = {"pkg/__init__.py": "", "pkg/query.py": QUERY, "pkg/api.py": API, "pkg/app.py": APP}


def test_a_session_handed_on_through_an_untyped_parameter_moves_with_its_calls(
    tmp_path: Path,
) -> None:
    """``Request(base, http_session=self.http_session)``: the calls ``Request`` makes
    through it are HTTP calls, and ``Api``'s session, which it only hands on, moves
    with them (see http-client/session-only-handed-on for the run)."""
    analysis = analyse_paths([_project(tmp_path, FILES)])
    assert set(analysis.colouring.async_functions) == {
        "pkg.query.Request.get_status",
        "pkg.api.Api.status",
        "pkg.app.App.config",
    }
    assert ("pkg.api.Api", "http_session") in analysis.colouring.converted_sessions
    assert not analysis.colouring.review


def test_a_session_handed_on_moves_where_a_test_hands_in_a_mock_which_follows(
    tmp_path: Path,
) -> None:
    """The same, where a test hands ``App`` a mock for the object holding the session
    and configures what its session's ``get`` gives: the test is read (it makes an
    ``App``), the session moves, and the mock's ``http_session.get``, which the code
    now awaits through ``Request``, becomes an AsyncMock giving a plain mock, which
    the test configures as before: the migrated test passes."""
    more = {"tests/__init__.py": "", "tests/test_app.py": TEST_APP}
    root = _project(tmp_path, {**FILES, **more})
    analysis = analyse_paths([root])
    assert "pkg.app.App.config" in analysis.colouring.async_functions
    assert not analysis.colouring.review
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )
    test = (root / "tests/test_app.py").read_text()
    assert '"http_session.get": mock.AsyncMock(return_value=mock.Mock())' in test
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::RuntimeWarning",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout


COPIED_CLIENT = """
    import requests
    from requests_oauthlib import OAuth1

    from .resources import Groups


    class Client:
        def __init__(self, base_url, key=None):
            self.base_url = base_url
            self.session = requests.Session()
            if key:
                self.session.auth = OAuth1(key)
            self.groups = Groups(self)
"""

COPIED_RESOURCES = """
    class Groups:
        def __init__(self, client):
            self.session = client.session

        def names(self):
            return [g["name"] for g in self.session.get("http://x/groups").json()]
"""


def test_a_session_copied_from_the_object_handed_in_moves_or_stays_with_it(
    tmp_path: Path,
) -> None:
    """``self.session = client.session``: the resource's calls go through the client's
    session, so they move when it moves and stay when it stays (an OAuth1 auth keeps
    it on requests): never an await on a requests.Session."""
    files = {"pkg/__init__.py": "", "pkg/resources.py": COPIED_RESOURCES}
    kept = analyse_paths([_project(tmp_path / "kept", {**files, "pkg/client.py": COPIED_CLIENT})])
    assert not kept.colouring.is_async("pkg.resources.Groups.names")
    assert not kept.colouring.converted_sessions
    moved_client = COPIED_CLIENT.replace("            if key:\n", "").replace(
        "                self.session.auth = OAuth1(key)\n", ""
    )
    moved = analyse_paths([_project(tmp_path / "moved", {**files, "pkg/client.py": moved_client})])
    assert moved.colouring.is_async("pkg.resources.Groups.names")
    assert moved.colouring.converted_sessions == {("pkg.client.Client", "session")}
