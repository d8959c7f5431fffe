"""A fixture's plain mock handed to a class that now awaits its methods (analyse/handed_mocks.py).

The golden case ``async-fakes/fixture-mock-handed`` shows the rewrite and runs
the case's tests before and after; here the analysis is checked to name the
fixture, where it makes the mock, and only the methods that are awaited.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CASES = Path(__file__).resolve().parents[1] / "rewrite" / "cases"


def test_the_fixture_mock_gets_the_awaited_methods_only() -> None:
    analysis = analyse_paths([CASES / "async-fakes" / "fixture-mock-handed" / "input"])
    (fake,) = [f for f in analysis.colouring.fakes if f.mock_methods]
    assert (fake.function, fake.span.line, fake.mock_methods) == (
        "test_client.TestUser.client",
        11,
        ("get_by_id",),
    )


def test_a_mock_the_class_only_reads_stays_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        textwrap.dedent(
            """
            import requests

            class Users:
                def __init__(self):
                    self.session = requests.Session()

                def get_by_id(self, uid):
                    return self.session.get(f"https://api.example.com/users/{uid}").json()

            class Label:
                def __init__(self, client: Users):
                    self._client = client

                def text(self):
                    return self._client.label
            """
        )
    )
    (tmp_path / "test_client.py").write_text(
        textwrap.dedent(
            """
            from unittest import mock

            import pytest

            from client import Label

            @pytest.fixture()
            def client():
                return mock.MagicMock(label="x")

            def test_label(client):
                assert Label(client).text() == "x"
            """
        )
    )
    analysis = analyse_paths([tmp_path])
    assert not [f for f in analysis.colouring.fakes if f.mock_methods]
