"""The small questions the fan-out scans ask of code (migrate/analyse/gathers/syntax.py).

A gather evaluates what a loop iterates once, up front, and starts every
call before the loop body runs: iterating a generator twice, or guessing a
wrong size for the concurrency limit, would change what the code does.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from migrate.analyse.gathers.syntax import (
    literal_size,
    names_only,
    reiterable,
    same_loop,
    strip_await,
    within,
)


def function(source: str) -> ast.FunctionDef:
    (node,) = ast.parse(textwrap.dedent(source)).body
    assert isinstance(node, ast.FunctionDef)
    return node


def iterated(fn: ast.FunctionDef) -> ast.expr:
    """What the function's (last) for loop iterates."""
    loops = [n for n in ast.walk(fn) if isinstance(n, ast.For)]
    return loops[-1].iter


@pytest.mark.parametrize(
    ("target", "plain"),
    [("i", True), ("i, j", True), ("[i, (j, k)]", True), ("self.i", False), ("i, x[0]", False)],
)
def test_names_only(target: str, plain: bool) -> None:
    (loop,) = ast.parse(f"for {target} in items: pass").body
    assert isinstance(loop, ast.For)
    assert names_only(loop.target) is plain


def test_strip_await_and_within() -> None:
    awaited = ast.parse("await fetch(i)", mode="eval").body
    assert isinstance(awaited, ast.Await)
    assert strip_await(awaited) is awaited.value
    assert strip_await(awaited.value) is awaited.value
    assert within(awaited.value, awaited)
    assert not within(awaited, awaited.value)


def test_same_loop_leaves_out_nested_loops_bodies_but_not_their_else() -> None:
    (loop,) = ast.parse(
        textwrap.dedent(
            """
            for item in items:
                if item:
                    break
                for other in others:
                    continue
                else:
                    break
                while True:
                    break
                def inner():
                    return
            """
        )
    ).body
    assert isinstance(loop, ast.For)
    exits = [n for stmt in loop.body for n in same_loop(stmt) if isinstance(n, ast.Break)]
    continues = [n for stmt in loop.body for n in same_loop(stmt) if isinstance(n, ast.Continue)]
    returns = [n for stmt in loop.body for n in same_loop(stmt) if isinstance(n, ast.Return)]
    assert [b.lineno for b in exits] == [4, 8]
    assert continues == [] and returns == []


@pytest.mark.parametrize(
    ("source", "again"),
    [
        ("def f():\n    for i in [1, 2, 3]: pass", True),
        ("def f():\n    for i in (1, 2): pass", True),
        ("def f(ids):\n    for i in sorted(ids): pass", True),
        ("def f(ids):\n    for i in list(ids): pass", True),
        ("def f(n):\n    for i in range(n): pass", True),
        ("def f():\n    for i in range(len(fetch())): pass", False),
        ("def f(d):\n    for k in d.items(): pass", True),
        ("def f():\n    for k in load().items(): pass", False),
        ("def f(ids):\n    for i in map(str, ids): pass", False),
        ("def f():\n    for i in [x for x in g()]: pass", False),
        ("def f(self):\n    for i in self.ids: pass", True),
        ("def f(self):\n    for i in self.load().ids: pass", False),
        ("def f(ids: list[int]):\n    for i in ids: pass", True),
        ("def f(ids: 'Sequence'):\n    for i in ids: pass", False),
        ("def f(ids: typing.Sequence[int]):\n    for i in ids: pass", True),
        ("def f(ids: Iterable[int]):\n    for i in ids: pass", False),
        ("def f(ids):\n    for i in ids: pass", False),
        ("def f():\n    ids = [1, 2]\n    for i in ids: pass", True),
        ("def f(r):\n    ids = r.json()\n    for i in ids: pass", True),
        ("def f(text):\n    ids = text.split()\n    for i in ids: pass", True),
        ("def f():\n    ids = gen()\n    for i in ids: pass", False),
        ("def f():\n    ids = [1]\n    ids = gen()\n    for i in ids: pass", False),
        ("def f():\n    for i in fetch_all(): pass", False),
    ],
)
def test_reiterable(source: str, again: bool) -> None:
    fn = function(source)
    assert reiterable(iterated(fn), fn) is again


def test_a_module_level_collection_is_reiterable() -> None:
    module = ast.parse("IDS = [1, 2, 3]\nGEN = (i for i in IDS)\n")
    fn = function("def f():\n    for i in IDS: pass")
    assert reiterable(iterated(fn), fn, module)
    assert not reiterable(iterated(fn), fn)
    fn = function("def f():\n    for i in GEN: pass")
    assert not reiterable(iterated(fn), fn, module)


@pytest.mark.parametrize(
    ("source", "size"),
    [
        ("def f():\n    for i in [1, 2, 3]: pass", 3),
        ("def f():\n    for i in (1, *rest): pass", None),
        ("def f():\n    for i in range(5): pass", 5),
        ("def f():\n    for i in range(2, 10, 3): pass", 3),
        ("def f(n):\n    for i in range(n): pass", None),
        ("def f():\n    for i in range(): pass", None),
        ("def f():\n    ids = {1, 2}\n    for i in ids: pass", 2),
        ("def f():\n    ids = [1]\n    ids = [1, 2]\n    for i in ids: pass", None),
        ("def f(ids):\n    for i in ids: pass", None),
        ("def f():\n    for i in load(): pass", None),
    ],
)
def test_literal_size(source: str, size: int | None) -> None:
    fn = function(source)
    assert literal_size(iterated(fn), fn) == size


def test_literal_size_of_a_module_constant() -> None:
    module = ast.parse("IDS = (1, 2, 3, 4)\n")
    fn = function("def f():\n    for i in IDS: pass")
    assert literal_size(iterated(fn), fn, module) == 4
    assert literal_size(iterated(fn), fn) is None
