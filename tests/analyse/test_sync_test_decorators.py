"""A test whose decorator calls it synchronously and hands back what it returns
(httpretty's ``activate``, nose's ``raises``) stays sync: made ``async def``, the
decorator would return its coroutine unrun and the test would pass without
running. Its calls of code that became async are bridged."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

CLIENT = """
    import requests


    def get_items():
        return requests.get("https://api.example.com/items").json()
"""

TEST = """
    import unittest

    {imports}

    from client import get_items


    class ClientTests(unittest.TestCase):
        @{decorator}
        def test_items(self):
            self.assertEqual(get_items(), [1, 2])
"""


@pytest.mark.parametrize(
    ("imports", "decorator"),
    [
        ("import httpretty", "httpretty.activate"),
        ("from httpretty import httprettified", "httprettified"),
        ("from nose.tools import raises", "raises(ValueError)"),
    ],
)
def test_a_test_its_decorator_calls_synchronously_stays_sync(
    tmp_path: Path, imports: str, decorator: str
) -> None:
    (tmp_path / "client.py").write_text(textwrap.dedent(CLIENT))
    test = textwrap.dedent(TEST).replace("{imports}", imports).replace("{decorator}", decorator)
    (tmp_path / "test_client.py").write_text(test)
    colouring = analyse_paths([tmp_path]).colouring
    assert "client.get_items" in colouring.async_functions
    assert "test_client.ClientTests.test_items" not in colouring.async_functions
    assert [(b.function, b.kind) for b in colouring.bridges] == [
        ("test_client.ClientTests.test_items", "async_to_sync")
    ]
