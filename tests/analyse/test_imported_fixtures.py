"""A fixture the tests import from a module of fixtures (``from tests.fixtures
import api``) gives what it returns, as a conftest's does: the test's calls
through it are linked to that class's methods, so the parameters of those
methods are typed by every caller (``session.post`` stays a session's)."""

from __future__ import annotations

from pathlib import Path

from migrate.analyse.run import analyse_paths

API = """\
import requests


class API:
    def post(self, path, session=None):
        if session:
            return session.post("https://api.test/" + path).json()
        return requests.post("https://api.test/" + path).json()

    def many(self, paths):
        session = requests.Session()
        return [self.post(p, session=session) for p in paths]
"""

FIXTURES = """\
import pytest

from pkg.api import API


@pytest.fixture
def api():
    return API()
"""

TEST = """\
from tests.fixtures import api  # noqa: F401


def test_post(api):
    assert api.post("x")
"""


def test_a_fixture_imported_from_a_module_of_fixtures_types_its_test(tmp_path: Path) -> None:
    for path, text in {
        "pkg/__init__.py": "",
        "pkg/api.py": API,
        "tests/__init__.py": "",
        "tests/fixtures.py": FIXTURES,
        "tests/test_api.py": TEST,
    }.items():
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text(text)
    analysis = analyse_paths([tmp_path])
    blocking = {c.text for c, _ in analysis.graph.blocking.get("pkg.api.API.post", [])}
    assert "session.post" in blocking
    reason = analysis.colouring.async_functions["tests.test_api.test_post"]
    assert reason.callee == "pkg.api.API.post"
    assert not analysis.graph.named
