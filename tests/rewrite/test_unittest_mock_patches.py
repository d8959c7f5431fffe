"""MIG008: which ``unittest.mock`` patches are patches of requests, and the one
form that gets a TODO (golden case: ``http-mocks/unittest-mock-requests``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrate.rewrite.rules.http_mocks.unittest_mock import patched_verb, patches_session_class

from .drivers import migrated_case
from .harness import todos_above


@pytest.mark.parametrize(
    ("target", "verb"),
    [
        pytest.param("requests.get", ("get", False), id="module-function"),
        pytest.param("shop.api.requests.post", ("post", False), id="through-a-module"),
        pytest.param("requests.api.request", ("request", False), id="requests-api"),
        pytest.param("requests.Session.put", ("put", True), id="session-method"),
        pytest.param("requests.sessions.Session.get", ("get", True), id="sessions-module"),
        pytest.param("shop.requests.Session.send", ("send", True), id="session-send"),
        pytest.param("requests.adapters.HTTPAdapter.send", ("send", True), id="adapter-send"),
    ],
)
def test_patches_of_requests_are_found(target: str, verb: tuple[str, bool]) -> None:
    assert patched_verb(target) == verb


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("shop.api.fetch", id="a-project-function"),
        pytest.param("requests.Session", id="the-class"),
        pytest.param("requests.adapters.HTTPAdapter.close", id="an-adapter-close"),
        pytest.param("requests.get.cache", id="past-the-verb"),
        pytest.param("shop.requests_cache.get", id="another-module"),
        pytest.param("requests.send", id="send-is-the-sessions-only"),
    ],
)
def test_other_patches_are_left(target: str) -> None:
    assert patched_verb(target) is None


@pytest.mark.parametrize(
    ("target", "found"),
    [
        pytest.param("requests.Session", True, id="the-class"),
        pytest.param("shop.api.requests.Session", True, id="through-a-module"),
        pytest.param("requests.sessions.Session", True, id="sessions-module"),
        pytest.param("requests.Session.get", False, id="a-method"),
        pytest.param("requests_cache.Session", False, id="another-library"),
        pytest.param("shop.Session", False, id="a-project-class"),
    ],
)
def test_patches_of_the_session_class_are_found(target: str, found: bool) -> None:
    assert patches_session_class(target) is found


CLIENT = """
    import requests

    session = requests.Session()


    def status(url):
        return session.get(url, timeout=5).status_code
"""

TESTS = """
    from unittest import mock

    import requests

    import client


    def test_status():
        def fake_get(self, url, timeout):
            return mock.Mock(status_code=204)

        with mock.patch.object(requests.Session, "get", fake_get):
            assert client.status("https://api.test/") == 204
"""


def test_a_fake_patched_onto_session_still_gets_the_client_as_self(tmp_path: Path) -> None:
    # Run before and after in golden case http-mocks/session-method-fakes.
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_client.py": TESTS})
    text = written["test_client.py"]
    assert "TODO" not in text
    assert 'mock.patch.object(httpx.AsyncClient, "get", async_method(fake_get))' in text


CLASS_PATCH = """
    from unittest import mock

    import client


    class FakeSession:
        def get(self, url, timeout):
            return mock.Mock(status_code=204)


    def test_status():
        with mock.patch("client.requests.Session", FakeSession):
            assert client.status("https://api.test/") == 204
"""


MONKEYPATCHED_CLASS = """
    from unittest import mock

    import requests

    import client


    class FakeSession:
        def get(self, url, timeout):
            return mock.Mock(status_code=204)


    def test_status(monkeypatch):
        monkeypatch.setattr(requests, "Session", FakeSession)
        assert client.status("https://api.test/") == 204


    def test_status_by_name(monkeypatch):
        monkeypatch.setattr("client.requests.Session", FakeSession)
        assert client.status("https://api.test/") == 204
"""


def test_a_session_class_set_by_monkeypatch_moves_with_a_todo(tmp_path: Path) -> None:
    # Left on requests, the code's client would send to the network.
    files = {"client.py": CLIENT, "test_client.py": MONKEYPATCHED_CLASS}
    lines = [line.strip() for line in migrated_case(tmp_path, files)["test_client.py"].splitlines()]
    todo = "# TODO(migrate MIG008): the fake stands for httpx.AsyncClient: its methods are awaited"
    for moved in (
        'monkeypatch.setattr(httpx, "AsyncClient", FakeSession)',
        'monkeypatch.setattr("client.httpx.AsyncClient", FakeSession)',
    ):
        assert todos_above(lines, lines.index(moved)) == [todo], lines


def test_a_session_class_patched_with_its_own_fake_gets_a_todo(tmp_path: Path) -> None:
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_client.py": CLASS_PATCH})
    lines = [line.strip() for line in written["test_client.py"].splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("with mock.patch("))
    assert todos_above(lines, at) == [
        "# TODO(migrate MIG008): the fake stands for httpx.AsyncClient: its methods are awaited"
    ], lines
    assert '"client.httpx.AsyncClient", FakeSession' in " ".join(lines[at : at + 3])
