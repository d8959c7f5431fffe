"""Test modules named as unittest's and nose's runners find them (``tests.py``,
``api_tests.py``) are test modules: their TestCase moves to
``IsolatedAsyncioTestCase`` and their patches of a session to client mocks.
The migrated module is run with unittest under ``-W error``, before and after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .drivers import migrated_case

CLIENT = """
    import requests


    class Api:
        def __init__(self):
            self.session = requests.Session()

        def level(self, sku):
            resp = self.session.get("https://stock.example.com/levels", params={"sku": sku})
            return resp.json()["level"]
"""

TESTS = """
    import unittest
    from unittest import mock

    import client


    class LevelTest(unittest.TestCase):
        def test_level(self):
            api = client.Api()
            with mock.patch.object(api, "session") as session:
                session.get.return_value.json.return_value = {"level": 3}
                self.assertEqual(api.level("a1"), 3)
            session.get.assert_called_once()
"""


def _unittest(folder: Path, module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "unittest", "-v", module],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("name", ["tests.py", "api_tests.py"])
def test_a_unittest_module_named_for_its_runner_moves_with_the_code(
    tmp_path: Path, name: str
) -> None:
    written = migrated_case(tmp_path, {"client.py": CLIENT, name: TESTS})
    assert "IsolatedAsyncioTestCase" in written[name]
    module = name.removesuffix(".py")
    for version in ("input", "expected"):
        run = _unittest(tmp_path / version, module)
        assert run.returncode == 0, run.stderr
        assert "test_level" in run.stderr and "ok" in run.stderr
