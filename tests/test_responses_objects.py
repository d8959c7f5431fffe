"""Safety: ``responses.RequestsMock`` objects move to respx with the code they mock.

A client class on a ``requests.Session`` and tests registering on the object a
fixture yields from ``with responses.RequestsMock() as rsps`` (and one test with
its own ``with`` block): the suite passes before, is migrated by ``migrate
apply``, and passes again with the network cut by ``escape_guard`` (see
test_mock_scope.py), not one request escaping. A file using responses in a way
respx has no twin for keeps its mocks whole, the plan says why, and it passes
with the network cut too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = Path(__file__).resolve().parent / "mock_scope"

API = """\
import requests


class CrmApi:
    def __init__(self, base):
        self.base = base
        self.http = requests.Session()

    def contact(self, cid):
        r = self.http.get(f"{self.base}/contacts/{cid}", timeout=5)
        r.raise_for_status()
        return r.json()

    def update(self, cid, **fields):
        r = self.http.patch(f"{self.base}/contacts/{cid}", json=fields, timeout=5)
        r.raise_for_status()
        return r.json()
"""

TESTS = """\
import json

import pytest
import responses

from crm.api import CrmApi

BASE = "https://crm.example.test"


@pytest.fixture
def mocked():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps


def test_contact(mocked):
    mocked.add(responses.GET, f"{BASE}/contacts/1", json={"name": "a"})
    assert CrmApi(BASE).contact(1) == {"name": "a"}
    assert CrmApi(BASE).contact(0) == {"name": "zero"}
    assert len(mocked.calls) == 2


def test_update(mocked):
    mocked.add(responses.PATCH, f"{BASE}/contacts/3", json={"ok": True})
    assert CrmApi(BASE).update(3, name="z") == {"ok": True}
    assert CrmApi(BASE).contact(0) == {"name": "zero"}
    assert json.loads(mocked.calls[0].request.body) == {"name": "z"}


def test_alone():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/2", status=404)
        with pytest.raises(Exception):
            CrmApi(BASE).contact(2)
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "crm").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "crm" / "__init__.py").write_text("")
    (root / "crm" / "api.py").write_text(API)
    (root / "tests" / "test_api.py").write_text(TESTS)
    (root / "pyproject.toml").write_text('[project]\nname = "crm"\nversion = "0"\n')
    return root


def _run(project: Path, *args: str, guard: Path | None = None) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if guard is not None:
        guard.write_text("")
        env |= {"ESCAPE_LOG": str(guard), "PYTHONPATH": str(GUARD)}
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = proc.stdout + proc.stderr
    if guard is not None:
        assert guard.read_text() == "", f"requests escaped to the network:\n{guard.read_text()}"
    assert proc.returncode == 0, out
    return out


def _suite(project: Path, log: Path) -> int:
    """The tests passed with ``-W error`` and the network cut."""
    # pytest-asyncio runs once the migration configured it.
    configured = "asyncio_mode" in (project / "pyproject.toml").read_text()
    plugins = () if configured else ("-p", "no:asyncio")
    args = ["-m", "pytest", "-q", "-W", "error", "-p", "escape_guard", "-p", "no:cacheprovider"]
    out = _run(project, *args, *plugins, guard=log)
    passed = re.search(r"(\d+) passed", out)
    return int(passed.group(1)) if passed else 0


def test_a_requests_mock_fixture_moves_to_a_respx_router(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "escapes.log"
    assert _suite(project, log) == 3
    _run(project, "-m", "migrate", "apply", "--force", ".")
    migrated = (project / "tests" / "test_api.py").read_text()
    assert "TODO" not in migrated and "responses" not in migrated
    assert "with respx.mock() as rsps:" in migrated
    assert "with respx.mock(assert_all_called=False) as rsps:" in migrated
    assert 'mocked.patch(f"{BASE}/contacts/3").mock(' in migrated
    assert _suite(project, log) == 3


def test_a_use_with_no_respx_twin_keeps_the_files_mocks_whole(
    project: Path, tmp_path: Path
) -> None:
    test_file = project / "tests" / "test_api.py"
    test_file.write_text(
        TESTS.replace(
            "        yield rsps",
            '        rsps.add_passthru("https://static.example.test")\n        yield rsps',
        )
    )
    log = tmp_path / "escapes.log"
    assert _suite(project, log) == 3
    plan = json.loads(_run(project, "-m", "migrate", "plan", "--json", "."))
    (item,) = [i for i in plan["needs_review"] if i["function"] == "tests.test_api"]
    assert item["reason"].startswith(
        "requests mocks kept whole: rsps.add_passthru (line 15) has no respx twin;"
        " crm.api moves to httpx"
    )
    _run(project, "-m", "migrate", "apply", "--force", ".")
    migrated = test_file.read_text()
    assert "async def test_contact(mocked):" in migrated
    assert "with responses.RequestsMock() as rsps:" in migrated
    assert "mocked.add(responses.GET" in migrated and "TODO" not in migrated
    assert "def httpx_answered_as_requests():" in migrated
    assert _suite(project, log) == 3


CONFTEST = """\
import pytest
import responses

BASE = "https://crm.example.test"


@pytest.fixture
def crm_mock():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps
"""

TAKES_IT = """\
from crm.api import CrmApi

BASE = "https://crm.example.test"


def test_contact(crm_mock):
    crm_mock.get(f"{BASE}/contacts/1", json={"name": "a"})
    assert CrmApi(BASE).contact(1) == {"name": "a"}
    assert CrmApi(BASE).contact(0) == {"name": "zero"}
"""


def test_a_conftest_fixture_and_the_files_taking_it_keep_their_mocks_together(
    project: Path, tmp_path: Path
) -> None:
    """One test file uses the conftest's RequestsMock in a way respx has no twin for:
    the conftest and every file taking its fixture keep responses, whole."""
    tests = project / "tests"
    (tests / "test_api.py").unlink()
    (tests / "conftest.py").write_text(CONFTEST)
    (tests / "test_plain.py").write_text(TAKES_IT)
    (tests / "test_passthru.py").write_text(
        TAKES_IT.replace("def test_contact(crm_mock):\n", "def test_passthru(crm_mock):\n")
        + '    crm_mock.add_passthru("https://static.example.test")\n'
    )
    # A file below the conftest that does not take its fixture: under the conftest's
    # autouse fixture handing httpx's requests to responses, it keeps its mocks too.
    (tests / "test_other.py").write_text(
        "import responses\n\nfrom crm.api import CrmApi\n\n\n"
        "@responses.activate\ndef test_other():\n"
        "    responses.get('https://crm.example.test/contacts/5', json={'name': 'e'})\n"
        "    assert CrmApi('https://crm.example.test').contact(5) == {'name': 'e'}\n"
    )
    log = tmp_path / "escapes.log"
    assert _suite(project, log) == 3
    plan = json.loads(_run(project, "-m", "migrate", "plan", "--json", "."))
    reasons = {i["function"]: i["reason"] for i in plan["needs_review"]}
    assert "the conftest.py above, tests.conftest, keeps" in reasons["tests.test_other"]
    assert reasons["tests.test_passthru"].startswith(
        "requests mocks kept whole: crm_mock.add_passthru (line 10) has no respx twin"
    )
    assert "fixture crm_mock is shared with tests.test_passthru" in reasons["tests.conftest"]
    assert "fixture crm_mock is shared with tests.conftest" in reasons["tests.test_plain"]
    _run(project, "-m", "migrate", "apply", "--force", ".")
    assert "with responses.RequestsMock() as rsps:" in (tests / "conftest.py").read_text()
    plain = (tests / "test_plain.py").read_text()
    assert 'crm_mock.get(f"{BASE}/contacts/1", json={"name": "a"})' in plain
    assert "async def test_contact(crm_mock):" in plain
    assert "@responses.activate" in (tests / "test_other.py").read_text()
    assert _suite(project, log) == 3


def test_a_name_holding_a_requests_mock_and_an_import_keeps_the_mocks() -> None:
    from migrate.plan.responses_uses import responses_uses

    judged = responses_uses(
        "from unittest import mock\nimport responses\n\n\ndef test():\n"
        "    with responses.RequestsMock() as mock:\n"
        "        mock.patch('https://x.test/', json={})\n"
    )
    assert judged.unported == ((1, "mock names a RequestsMock and an import"),)


def test_a_matcher_option_the_rewrite_does_not_carry_keeps_the_mocks() -> None:
    """query_param_matcher's strict_match becomes params__eq= or params=; the other
    matchers' options would make respx's pattern stricter or weaker than responses'
    check, so a file giving one keeps its mocks whole."""
    from migrate.plan.responses_uses import responses_uses

    def judged(matcher: str) -> tuple[tuple[int, str], ...]:
        text = (
            "import responses\nfrom responses import matchers\n\n\n@responses.activate\n"
            f"def test():\n    responses.get('https://x.test/', match=[matchers.{matcher}])\n"
        )
        return responses_uses(text).unported

    for carried in (
        "query_param_matcher({'a': '1'})",
        "query_param_matcher(params={'a': '1'}, strict_match=False)",
        "json_params_matcher({'a': 1}, strict_match=True)",
        "header_matcher(headers={'X-A': '1'}, strict_match=False)",
    ):
        assert judged(carried) == (), carried
    assert judged("json_params_matcher({'a': 1}, strict_match=False)") == (
        (7, "matchers.json_params_matcher(strict_match=...)"),
    )
    assert judged("header_matcher({'X-A': '1'}, True)") == (
        (7, "matchers.header_matcher(...) with options given by position"),
    )
    assert judged("query_param_matcher({'a': '1'}, strict_match=STRICT)") == (
        (7, "matchers.query_param_matcher(strict_match=...)"),
    )
    assert judged("urlencoded_params_matcher({'a': '1'}, allow_blank=True)") == (
        (7, "matchers.urlencoded_params_matcher(allow_blank=...)"),
    )
