"""Tests in a class deriving from a library's TestCase stay sync (analyse/test_classes.py).

pytest hands a class deriving from ``unittest.TestCase`` to unittest, which
calls an ``async def`` test, drops the coroutine and counts it as passed. A
library's own TestCase (``unittest2.TestCase``, a framework's) may be one
underneath, so its tests keep running synchronously and reach the migrated
code through ``async_to_sync``. The proof is a test that fails on purpose: it
must still fail after the migration, and the one that passes must still pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from migrate.cli import main

# A testing library outside the project: its TestCase is unittest's underneath.
TESTKIT = """\
import unittest


class TestCase(unittest.TestCase):
    maxDiff = None
"""

PROJECT = {
    "pytest.ini": """\
        [pytest]
        asyncio_default_fixture_loop_scope = function
        """,
    "shop/__init__.py": "",
    "shop/client.py": """\
        import requests


        def get_thing():
            return requests.get("https://api.example.com/thing").json()
        """,
    "tests/__init__.py": "",
    "tests/test_client.py": """\
        import responses
        import testkit

        from shop.client import get_thing


        class TestThing(testkit.TestCase):
            @responses.activate
            def test_right(self):
                responses.add(responses.GET, "https://api.example.com/thing", json={"ok": 1})
                self.assertEqual(get_thing(), {"ok": 1})

            @responses.activate
            def test_wrong_on_purpose(self):
                responses.add(responses.GET, "https://api.example.com/thing", json={"ok": 1})
                self.assertEqual(get_thing(), {"ok": 2})
        """,
}


def _run_tests(project: Path, site: Path) -> str:
    env = {**os.environ, "PYTHONPATH": f"{project}{os.pathsep}{site}"}
    done = subprocess.run(
        [sys.executable, "-W", "error", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return done.stdout + done.stderr


def test_tests_of_a_library_testcase_keep_running(tmp_path: Path) -> None:
    site, project = tmp_path / "site", tmp_path / "project"
    site.mkdir()
    (site / "testkit.py").write_text(TESTKIT)
    for name, text in PROJECT.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    before = _run_tests(project, site)
    assert "1 failed, 1 passed" in before, before

    plan = CliRunner().invoke(main, ["plan", str(project)]).output
    result = CliRunner().invoke(main, ["apply", str(project)])
    assert result.exit_code == 0, result.output
    client = (project / "shop/client.py").read_text()
    tests = (project / "tests/test_client.py").read_text()
    after = _run_tests(project, site)
    assert "1 failed, 1 passed" in after, after
    assert "never awaited" not in after
    assert "async def get_thing" in client
    assert "async def test" not in tests and "async_to_sync(get_thing)()" in tests
    assert "its class derives from testkit.TestCase" in " ".join(plan.split())
    snapshot = {name: (project / name).read_text() for name in PROJECT}
    CliRunner().invoke(main, ["apply", str(project)])
    assert {name: (project / name).read_text() for name in PROJECT} == snapshot
