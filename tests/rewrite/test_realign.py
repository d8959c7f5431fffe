"""Continuation lines moved with the brackets the rewrite moved
(migrate/rewrite/realign.py).

The oracle is pycodestyle, PEP 8's own checker: a file whose continuation
lines stood against their brackets (no E127/E128) must still have them there
after ``migrate apply`` made its functions async and awaited their calls.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pycodestyle
import pytest
from click.testing import CliRunner

from migrate.cli import main
from migrate.rewrite.realign import realign_continuations

ALIGNMENT = ("E127", "E128", "E131")


def misaligned(code: str) -> list[str]:
    """pycodestyle's continuation-line findings for ``code``, as ``row:code``."""
    found: list[str] = []

    class Report(pycodestyle.BaseReport):
        def error(self, line_number, offset, text, check):  # type: ignore[no-untyped-def]
            if text[:4] in ALIGNMENT:
                found.append(f"{line_number}:{text[:4]}")
            return text[:4]

    lines = code.splitlines(keepends=True)
    style = pycodestyle.StyleGuide(select=list(ALIGNMENT), quiet=True, max_line_length=200)
    checker = pycodestyle.Checker(lines=lines, options=style.options, report=Report(style.options))
    checker.check_all()
    return found


def dedent(code: str) -> str:
    return textwrap.dedent(code).lstrip("\n")


CASES = [
    pytest.param(
        """
        def fetch(session, url, params=None,
                  timeout=5):
            return session.get(url,
                               params=params,
                               timeout=timeout).json()
        """,
        """
        async def fetch(session, url, params=None,
                  timeout=5):
            return await session.get(url,
                               params=params,
                               timeout=timeout).json()
        """,
        """
        async def fetch(session, url, params=None,
                        timeout=5):
            return await session.get(url,
                                     params=params,
                                     timeout=timeout).json()
        """,
        id="def-and-call",
    ),
    pytest.param(
        # A bracket opened on a continuation line moves with that line.
        """
        result = client.post(url, data={"name": name,
                                        "tags": tags},
                             timeout=5)
        """,
        """
        result = await client.post(url, data={"name": name,
                                        "tags": tags},
                             timeout=5)
        """,
        """
        result = await client.post(url, data={"name": name,
                                              "tags": tags},
                                   timeout=5)
        """,
        id="nested-brackets",
    ),
    pytest.param(
        # Hanging indents belong to the statement, not to the bracket.
        """
        def fetch(
                session, url):
            return session.get(
                url, timeout=5)
        """,
        """
        async def fetch(
                session, url):
            return await session.get(
                url, timeout=5)
        """,
        None,
        id="hanging-indent",
    ),
    pytest.param(
        # Lines placed against nothing (left of the bracket's first element)
        # are the project's own layout, kept.
        """
        value = compute(first,
            second)
        """,
        """
        value = await compute(first,
            second)
        """,
        None,
        id="placed-otherwise",
    ),
    pytest.param(
        # A line deeper than the first element keeps its offset from it.
        """
        total = add(first,
                     second)
        """,
        """
        total = await add(first,
                     second)
        """,
        """
        total = await add(first,
                           second)
        """,
        id="deeper-line",
    ),
    pytest.param(
        # Inside a string nothing moves: it is the string's text.
        '''
        text = render(name, """first
                      second""",
                      other)
        ''',
        '''
        text = await render(name, """first
                      second""",
                      other)
        ''',
        '''
        text = await render(name, """first
                      second""",
                            other)
        ''',
        id="string-lines",
    ),
]


def test_rows_are_counted_as_the_tokenizer_counts_them() -> None:
    # A form feed in a string is no line break to the tokenizer (str.splitlines
    # would count one, and move the wrong lines).
    old = 'x = "a\x0cb"\ndef f(a,\n      b):\n    return g(a,\n             b)\n'
    new = 'x = "a\x0cb"\nasync def f(a,\n      b):\n    return await g(a,\n             b)\n'
    assert realign_continuations(new, old) == (
        'x = "a\x0cb"\nasync def f(a,\n            b):\n'
        "    return await g(a,\n                   b)\n"
    )


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_continuation_lines_follow_their_bracket(old: str, new: str, expected: str | None) -> None:
    old, new = dedent(old), dedent(new)
    expected = new if expected is None else dedent(expected)
    assert realign_continuations(new, old) == expected


def test_lines_are_found_by_matching_the_rest_of_the_file() -> None:
    # Lines the rewrite added above (imports, a TODO) and lines it changed in
    # the statement (``await`` added) still find the lines they were.
    old = dedent(
        """
        import requests

        def both(session):
            return combine(session.get(a),
                           fetch(b),
                           session.get(c))
        """
    )
    new = dedent(
        """
        import asyncio
        import httpx

        async def both(session):
            # TODO(MIG003): a note the rewrite left
            return await combine(await session.get(a),
                           await fetch(b),
                           session.get(c))
        """
    )
    assert realign_continuations(new, old) == dedent(
        """
        import asyncio
        import httpx

        async def both(session):
            # TODO(MIG003): a note the rewrite left
            return await combine(await session.get(a),
                                 await fetch(b),
                                 session.get(c))
        """
    )


PROJECT = {
    "shop/client.py": """\
        import time

        import requests


        class Client:
            def __init__(self, base):
                self.base = base
                self.session = requests.Session()

            def get(self, path, params=None,
                    timeout=5):
                response = self.session.get(self.base + path,
                                            params=params,
                                            timeout=timeout)
                response.raise_for_status()
                return response.json()

            def wait_for(self, path, state,
                         delay=0.5):
                while self.get(path,
                               params={"fields": "state"})["state"] != state:
                    time.sleep(delay)
                return self.get(path,
                                timeout=10)
        """,
    "shop/orders.py": """\
        from .client import Client


        def order_total(client: Client, order_id,
                        currency="EUR"):
            order = client.get("/orders/" + order_id,
                               params={"currency": currency})
            return sum(line["price"] for line in order["lines"])
        """,
}


def test_apply_keeps_a_visually_indented_project_aligned(tmp_path: Path) -> None:
    for name, text in PROJECT.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    before = {name: misaligned((tmp_path / name).read_text()) for name in PROJECT}
    assert before == {name: [] for name in PROJECT}
    result = CliRunner().invoke(main, ["apply", str(tmp_path)])
    assert result.exit_code == 0, result.output
    client = (tmp_path / "shop/client.py").read_text()
    orders = (tmp_path / "shop/orders.py").read_text()
    assert "async def get(" in client and "await self.get(path" in client
    assert "async def order_total(" in orders and "await client.get(" in orders
    assert misaligned(client) == [] and misaligned(orders) == []
