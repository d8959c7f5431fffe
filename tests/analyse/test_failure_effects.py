"""What a loop did for the items before a failing fetch that is seen after it."""

from __future__ import annotations

import ast
import textwrap

import pytest

from migrate.analyse.gathers.effects import seen_after_failure


def seen(source: str) -> str:
    function = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(function, ast.FunctionDef)
    loop = next(n for n in ast.walk(function) if isinstance(n, ast.For))
    fetches = [
        n
        for n in ast.walk(loop)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "get_user"
    ]
    return seen_after_failure(function, loop, loop.body, fetches, set())


@pytest.mark.parametrize(
    "body",
    [
        'names.append(get_user(i)["name"])',
        'by_id[i] = get_user(i)["name"]',
        "user = get_user(i)\n" + 12 * " " + 'rows.append({"id": i, "name": user["name"].upper()})',
    ],
)
def test_containers_the_function_made_for_itself_are_not_seen(body: str) -> None:
    source = f"""
    def f(ids):
        names, by_id = [], {{}}
        rows = [None] * 0
        for i in ids:
            {body}
        return names, by_id, rows
    """
    assert seen(source) == ""


@pytest.mark.parametrize(
    ("source", "found"),
    [
        (
            """
            def f(self, ids):
                for i in ids:
                    self.seen.append(get_user(i)["name"])
            """,
            "it calls self.seen.append, which may change what others see",
        ),
        (
            """
            def f(ids, out):
                for i in ids:
                    out.append(get_user(i))
            """,
            "it calls out.append, which may change what others see",
        ),
        (
            """
            def f(ids):
                for i in ids:
                    log.info("fetching %s", i)
                    get_user(i)
            """,
            "it logs per item",
        ),
        (
            """
            def f(ids):
                names = []
                try:
                    for i in ids:
                        names.append(get_user(i))
                finally:
                    report(names)
            """,
            "it calls names.append, which may change what others see",
        ),
        (
            """
            def f(self, ids):
                names = []
                self.names = names
                for i in ids:
                    names.append(get_user(i))
            """,
            "it calls names.append, which may change what others see",
        ),
    ],
)
def test_what_others_can_see_is_named(source: str, found: str) -> None:
    assert seen(source) == found
