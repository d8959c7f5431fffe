"""Safety: a test's HTTP mocks move only together with the code they mock.

``tests/mock_scope/project`` has four modules on requests, each with its own
test file: ``weather`` (mocked with ``responses``), ``billing`` (the
requests-mock fixture), ``stock`` (``unittest.mock`` patches of
``requests.get`` and ``requests.Session.post`` on a ``unittest.TestCase``) and
``partner`` (a ``requests.Session`` subclass the toolkit leaves on requests,
since it sets ``trust_env``, mocked with ``responses``), and ``test_mixed``
reaches both ``weather`` and ``partner`` (its ``responses`` mocks stay and
answer the httpx side too). The suite runs before
migration, after a ``--select`` step that moves ``weather`` only, and after
the whole apply, each time with the network cut by ``escape_guard`` (a pytest
plugin that records every host a request tried to reach): every run passes
the same tests and not one request escapes its mocks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "mock_scope"


def _suite(project: Path, log: Path) -> int:
    """Run the project's suite with the network cut; the number of tests passed."""
    # pytest-asyncio runs only where the migration made the project depend on it.
    plugins = (
        () if "pytest-asyncio" in (project / "pyproject.toml").read_text() else ("-p", "no:asyncio")
    )
    out = _guarded(
        project,
        log,
        ["-m", "pytest", "-q", "-p", "escape_guard", "-p", "no:cacheprovider", *plugins],
    )
    passed = re.search(r"(\d+) passed", out)
    return int(passed.group(1)) if passed else 0


def _guarded(project: Path, log: Path, args: list[str]) -> str:
    """``python *args`` in the project with the network cut by ``escape_guard``: its
    output, once it passed and no request escaped."""
    log.write_text("")
    env = {**os.environ, "ESCAPE_LOG": str(log), "PYTHONPATH": str(HERE)}
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = proc.stdout + proc.stderr
    assert log.read_text() == "", f"requests escaped to the network:\n{log.read_text()}\n{out}"
    assert proc.returncode == 0, out
    return out


def _apply(project: Path, *args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "migrate", "apply", "--force", *args, "."],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _mocks(test_file: Path) -> str:
    text = test_file.read_text()
    found = [name for name in ("respx", "responses", "requests_mock") if name in text]
    # unittest.mock patches: ``patch("pkg.requests.get")``, ``patch.object(httpx.X, ...)``.
    for library in ("requests", "httpx"):
        if re.search(rf"""patch(?:\.object)?\((?:"[\w.]*)?{library}\.""", text):
            found.append(f"patch {library}")
    return "+".join(found)


def _test_requirements(project: Path) -> set[str]:
    """The test extra's distribution names (the file must still be valid TOML)."""
    data = tomllib.loads((project / "pyproject.toml").read_text())
    specs = data["project"]["optional-dependencies"]["test"]
    return {re.match(r"[\w.-]+", spec).group(0) for spec in specs}  # type: ignore[union-attr]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(HERE / "project", copy)
    return copy


def test_guard_sees_a_request_no_mock_catches(project: Path, tmp_path: Path) -> None:
    """The oracle works: an unmocked request is recorded, not sent."""
    (project / "tests" / "test_escape.py").write_text(
        "import requests\n\n\ndef test_unmocked():\n"
        "    requests.get('https://unmocked.example.test/', timeout=1)\n"
    )
    log = tmp_path / "escapes.log"
    with pytest.raises(AssertionError, match="escaped"):
        _suite(project, log)
    assert log.read_text().split() == ["unmocked.example.test"]


def test_mocks_move_with_the_code_they_mock(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "escapes.log"
    tests = project / "tests"
    before = _suite(project, log)
    assert before == 8

    _apply(project, "--select", "shop.weather")
    assert "async def forecast" in (project / "shop" / "weather.py").read_text()
    assert "async def" not in (project / "shop" / "billing.py").read_text()
    assert _mocks(tests / "test_weather.py") == "respx"
    assert _mocks(tests / "test_billing.py") == "requests_mock"
    assert _mocks(tests / "test_partner.py") == "responses"
    assert _mocks(tests / "test_stock.py") == "patch requests"
    assert _mocks(tests / "test_mixed.py") == "respx+responses"
    assert _test_requirements(project) >= {"requests-mock", "responses", "respx"}
    assert _suite(project, log) == before

    _apply(project)
    assert "async def charge" in (project / "shop" / "billing.py").read_text()
    assert _mocks(tests / "test_billing.py") == "respx"
    assert _mocks(tests / "test_stock.py") == "patch httpx"
    # The Session subclass still sends through requests: its mocks stay.
    assert "requests.Session" in (project / "shop" / "partner.py").read_text()
    assert _mocks(tests / "test_partner.py") == "responses"
    assert _mocks(tests / "test_mixed.py") == "respx+responses"
    assert _suite(project, log) == before


def test_a_test_file_mocking_both_sides_keeps_its_mocks_and_is_named(
    project: Path, tmp_path: Path
) -> None:
    """One test file reaching code that moves and code that stays: its responses mocks
    stay, respx hands them httpx's requests, the plan says so, and the suite passes
    with not one request escaping."""
    (project / "tests" / "test_both.py").write_text(
        "import responses\n\nfrom shop import partner, weather\n\n\n"
        "@responses.activate\ndef test_both():\n"
        "    responses.add(responses.GET, 'https://weather.example.test/v1/forecast', json={})\n"
        "    responses.get('https://partner.example.test/v1/orders', json=[])\n"
        "    assert weather.forecast('Oslo') == {}\n"
        "    assert partner.PartnerSession('t').orders() == []\n"
        "    assert len(responses.calls) == 2\n"
        "    assert responses.calls[0].request.url.startswith('https://weather.')\n"
    )
    log = tmp_path / "escapes.log"
    before = _suite(project, log)
    proc = subprocess.run(
        [sys.executable, "-m", "migrate", "plan", "--json", "."],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    items = [
        i for i in json.loads(proc.stdout)["needs_review"] if i["function"] == "tests.test_both"
    ]
    assert len(items) == 1
    reason = items[0]["reason"]
    assert reason.startswith("mixed test file: shop.partner still sends through requests")
    assert "shop.weather moves to httpx" in reason and "respx hands" in reason
    _apply(project)
    assert "async def forecast" in (project / "shop" / "weather.py").read_text()
    assert _mocks(project / "tests" / "test_both.py") == "respx+responses"
    assert _mocks(project / "tests" / "test_weather.py") == "respx"
    assert _suite(project, log) == before
    # A second apply changes nothing.
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "migrated"], cwd=project, check=True)
    _apply(project)
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""


def test_a_session_the_analysis_cannot_follow_keeps_the_mocks_and_is_named(
    tmp_path: Path,
) -> None:
    """A session made by a sync helper (``g.http = requests.Session()``) sends through
    requests however it is reached; a test reaching it and code that moves is mixed."""
    from migrate.analyse.run import analyse_paths
    from migrate.plan.build import build_plan

    (tmp_path / "shop").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "services.py").write_text(
        "import requests\n\n_state = {}\n\n\n"
        "def session():\n"
        "    if 'http' not in _state:\n"
        "        _state['http'] = requests.Session()\n"
        "    return _state['http']\n\n\n"
        "def price(sku):\n"
        "    return requests.get(f'https://prices.test/{sku}', timeout=5).json()\n\n\n"
        "def stock(sku):\n"
        "    return session().get(f'https://stock.test/{sku}', timeout=5).json()\n"
    )
    (tmp_path / "tests" / "test_services.py").write_text(
        "import responses\n\nfrom shop import services\n\n\n"
        "@responses.activate\ndef test_both():\n"
        "    responses.get('https://prices.test/a', json=1)\n"
        "    responses.get('https://stock.test/a', json=2)\n"
        "    assert (services.price('a'), services.stock('a')) == (1, 2)\n"
    )
    plan = build_plan(analyse_paths([tmp_path], jobs=1))
    (item,) = [i for i in plan.needs_review if i.function == "tests.test_services"]
    assert item.reason.startswith("mixed test file: shop.services still sends through requests")


REQUESTS_MOCK_BOTH = """\
import unittest

import requests_mock

from shop import partner, weather

FORECAST = "https://weather.example.test/v1/forecast"


def test_both(requests_mock):
    requests_mock.get(FORECAST, json={"temp": 3})
    requests_mock.get("https://partner.example.test/v1/orders", json=[])
    assert weather.forecast("Oslo") == {"temp": 3}
    assert partner.PartnerSession("t").orders() == []
    assert requests_mock.call_count == 2
    assert requests_mock.request_history[0].qs == {"city": ["oslo"]}


class BothTest(unittest.TestCase):
    @requests_mock.Mocker()
    def test_warmest(self, m):
        m.get(FORECAST + "?city=Oslo", json={"temp": 12})
        m.get(FORECAST + "?city=Rome", json={"temp": 25})
        m.get("https://partner.example.test/v1/orders", json=[1])
        self.assertEqual(weather.warmest(["Oslo", "Rome"]), "Rome")
        self.assertEqual(partner.PartnerSession("t").orders(), [1])
        self.assertEqual(m.call_count, 3)
"""


def test_a_requests_mock_file_mocking_both_sides_passes_with_the_network_cut(
    project: Path, tmp_path: Path
) -> None:
    """The requests-mock fixture and ``@requests_mock.Mocker()`` on a TestCase: both
    answer httpx's requests too, and count them."""
    (project / "tests" / "test_both.py").write_text(REQUESTS_MOCK_BOTH)
    log = tmp_path / "escapes.log"
    before = _suite(project, log)
    _apply(project)
    migrated = (project / "tests" / "test_both.py").read_text()
    assert "async def test_warmest(self):" in migrated
    assert "with requests_mock.Mocker() as m:" in migrated
    assert _mocks(project / "tests" / "test_both.py") == "respx+requests_mock"
    assert _suite(project, log) == before


def test_a_patched_file_mocking_both_sides_passes_with_the_network_cut(
    project: Path, tmp_path: Path
) -> None:
    """``patch("requests.get")`` in a file whose code moves in part (``--select``): the
    patch gets an httpx twin answering as the requests mock does, the suite passes,
    and nothing escapes."""
    (project / "shop" / "rates.py").write_text(
        "import requests\n\n\ndef rate():\n"
        "    return requests.get('https://rates.example.test/', timeout=5).json()\n"
    )
    (project / "tests" / "test_both.py").write_text(
        "from unittest import mock\n\nfrom shop import rates, stock\n\n\n"
        "@mock.patch('requests.get')\ndef test_both(get):\n"
        "    get.return_value.json.return_value = {'level': 9}\n"
        "    assert rates.rate() == {'level': 9}\n"
        "    assert stock.level('a') == 9\n"
        "    assert get.call_count == 2\n"
    )
    log = tmp_path / "escapes.log"
    before = _suite(project, log)
    _apply(project, "--select", "shop.rates")
    migrated = (project / "tests" / "test_both.py").read_text()
    assert 'with mock.patch("httpx.AsyncClient.get", side_effect=get):' in migrated
    assert "TODO" not in migrated
    assert _suite(project, log) == before


UNITTEST_BOTH = """\
import unittest

import responses

from shop import partner, weather


class ForecastTest(unittest.TestCase):
    @responses.activate
    def test_forecast_for_the_partner(self):
        responses.get("https://weather.example.test/v1/forecast", json={"temp": 4})
        responses.get("https://partner.example.test/v1/orders", json=[{"id": 1}])
        orders = partner.PartnerSession("t0k").orders()
        self.assertEqual(weather.forecast("Oslo"), {"temp": 4})
        self.assertEqual(len(orders), 1)
        self.assertEqual(len(responses.calls), 2)
"""


def _unittest_suite(project: Path, log: Path) -> int:
    """The project's tests run by ``python -m unittest`` (no pytest, so no fixtures),
    with the network cut; the number of tests run."""
    run = "import escape_guard, unittest; unittest.main(module=None)"
    args = ["-c", run, "discover", "-s", "tests", "-t", ".", "-p", "test_unit*.py"]
    ran = re.search(r"Ran (\d+) test", _guarded(project, log, args))
    return int(ran.group(1)) if ran else 0


def test_a_unittest_file_mocking_both_sides_passes_under_unittest_with_the_network_cut(
    project: Path, tmp_path: Path
) -> None:
    """A mixed file of ``unittest.TestCase`` tests, run by ``python -m unittest``
    (which knows no pytest fixture): the router answering httpx's requests through
    the requests mocks starts in ``setUpModule``, so nothing escapes there either."""
    (project / "tests" / "test_unit_both.py").write_text(UNITTEST_BOTH)
    log = tmp_path / "escapes.log"
    assert _unittest_suite(project, log) == 1
    _apply(project, "--select", "shop.weather")
    migrated = (project / "tests" / "test_unit_both.py").read_text()
    assert "def setUpModule():" in migrated and "pytest" not in migrated
    assert _mocks(project / "tests" / "test_unit_both.py") == "respx+responses"
    assert _unittest_suite(project, log) == 1
    assert _suite(project, log) > 0  # and under pytest


CLASS_PATCHED_BOTH = """\
import unittest
from unittest import mock

import requests

from shop import rates, stock


@mock.patch("requests.get")
class BothTest(unittest.TestCase):
    def test_both(self, get):
        get.return_value.json.return_value = {"level": 9}
        self.assertEqual(rates.rate(), {"level": 9})
        self.assertEqual(stock.level("a"), 9)
        self.assertEqual(get.call_count, 2)

    @mock.patch.object(requests.Session, "post")
    def test_reserve_at_a_rate(self, post, get):
        get.return_value.json.return_value = {"level": 2}
        post.return_value.status_code = 201
        self.assertEqual(rates.rate(), {"level": 2})
        self.assertEqual(stock.reserve("a", 1), 201)


@mock.patch.object(requests, "get")
class ObjectTest(unittest.TestCase):
    def test_rate(self, get):
        get.return_value.json.return_value = {"level": 4}
        self.assertEqual(rates.rate(), {"level": 4})
"""


def test_a_class_patched_file_mocking_both_sides_passes_with_the_network_cut(
    project: Path, tmp_path: Path
) -> None:
    """``@mock.patch("requests.get")`` on a TestCase whose tests reach code that moves
    (``--select``) and code that stays: each test method gets the httpx twin; the
    whole apply later moves the class patch and drops the twins. Every run, under
    pytest and under ``python -m unittest``, passes with nothing escaping."""
    (project / "shop" / "rates.py").write_text(
        "import requests\n\n\ndef rate():\n"
        "    return requests.get('https://rates.example.test/', timeout=5).json()\n"
    )
    test_file = project / "tests" / "test_unit_class.py"
    test_file.write_text(CLASS_PATCHED_BOTH)
    log = tmp_path / "escapes.log"
    before = _suite(project, log)
    assert _unittest_suite(project, log) == 3

    _apply(project, "--select", "shop.rates")
    migrated = test_file.read_text()
    assert migrated.count('"httpx.AsyncClient.get", side_effect=get') == 3
    assert "TODO" not in migrated
    assert _mocks(test_file) == "respx+patch requests+patch httpx"
    assert _suite(project, log) == before
    assert _unittest_suite(project, log) == 3

    _apply(project)
    migrated = test_file.read_text()
    assert "side_effect=get" not in migrated and "IsolatedAsyncioTestCase" in migrated
    assert _mocks(test_file) == "patch httpx"
    assert _suite(project, log) == before
    assert _unittest_suite(project, log) == 3
