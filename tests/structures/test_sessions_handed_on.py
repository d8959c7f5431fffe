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
