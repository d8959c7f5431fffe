"""MIG008: which ``unittest.mock`` patches are patches of requests, and the one
form that gets a TODO (golden case: ``http-mocks/unittest-mock-requests``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrate.rewrite.rules.http_mocks.unittest_mock import patched_verb

from .drivers import migrated_case


@pytest.mark.parametrize(
    ("target", "verb"),
    [
        pytest.param("requests.get", ("get", False), id="module-function"),
        pytest.param("shop.api.requests.post", ("post", False), id="through-a-module"),
        pytest.param("requests.api.request", ("request", False), id="requests-api"),
        pytest.param("requests.Session.put", ("put", True), id="session-method"),
        pytest.param("requests.sessions.Session.get", ("get", True), id="sessions-module"),
    ],
)
def test_patches_of_requests_are_found(target: str, verb: tuple[str, bool]) -> None:
    assert patched_verb(target) == verb


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("shop.api.fetch", id="a-project-function"),
        pytest.param("requests.Session", id="the-class"),
        pytest.param("requests.adapters.HTTPAdapter.send", id="an-adapter"),
        pytest.param("requests.get.cache", id="past-the-verb"),
        pytest.param("shop.requests_cache.get", id="another-module"),
    ],
)
def test_other_patches_are_left(target: str) -> None:
    assert patched_verb(target) is None


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


def test_a_fake_patched_onto_session_gets_a_todo_about_self(tmp_path: Path) -> None:
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_client.py": TESTS})
    lines = [line.strip() for line in written["test_client.py"].splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("with mock.patch.object("))
    assert lines[at - 1] == (
        "# TODO(migrate MIG008): the fake gets no session as self now: drop it"
    ), lines
    patch = " ".join(lines[at : at + 3])
    assert "httpx.AsyncClient" in patch and "mock.AsyncMock(side_effect=fake_get)" in patch
