"""Which uses of requests-mock keep a test file's mocks whole (plan/requests_mock_uses)."""

from __future__ import annotations

import ast

import pytest

from migrate.plan.requests_mock_uses import requests_mock_unported


def _unported(code: str) -> str:
    return requests_mock_unported(ast.parse(code))


@pytest.mark.parametrize(
    ("code", "named"),
    [
        ("m.get(URL, cookies={'a': '1'})", "cookies= (line 1)"),
        ("requests_mock.register_uri('GET', URL, body=f)", "body= (line 1)"),
        ("m.post(URL, additional_matcher=match)", "additional_matcher= (line 1)"),
        ("with requests_mock.Mocker(real_http=True) as m: pass", "real_http=True (line 1)"),
        ("with Mocker(session=s) as m: pass", "session= (line 1)"),
        ("self.m = requests_mock.Mocker()", "a Mocker kept on an object (line 1)"),
    ],
)
def test_what_respx_has_no_twin_for_is_named(code: str, named: str) -> None:
    assert named in _unported(code)


@pytest.mark.parametrize(
    "code",
    [
        # The test's own request through requests, not a registration.
        "requests.get(URL, cookies={'a': '1'})",
        "with requests_mock.Mocker(real_http=False) as m: pass",
        "m.get(URL, json={'a': 1}, status_code=201, headers={'X': '1'})",
        "session = requests_mock.Mocker()",
    ],
)
def test_what_moves_holds_nothing(code: str) -> None:
    assert _unported(code) == ""
