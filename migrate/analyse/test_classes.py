"""Tests in classes whose runner is unknown stay sync.

A test method becomes ``async def`` where something will await it: pytest-asyncio
for a plain test class, ``unittest.IsolatedAsyncioTestCase`` for one deriving
from ``unittest.TestCase`` (the plan changes that base). A class deriving from
another library's class (``unittest2.TestCase``, a framework's own TestCase,
a testing mixin) may be a ``unittest.TestCase`` underneath that the plan cannot
see: pytest hands such classes to unittest, which calls an async test, drops
the coroutine and counts the test as passed. Its tests stay sync and reach the
async code through bridges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Function

if TYPE_CHECKING:
    from .graph import CallGraph

# Bases that leave a test class pytest's or unittest's own.
_KNOWN_BASES = frozenset(
    {
        "object",
        "unittest.TestCase",
        "unittest.IsolatedAsyncioTestCase",
        "abc.ABC",
        "typing.Generic",
    }
)


def test_runner_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why the test ``fn`` stays sync: its class derives from a library class
    whose runner the plan cannot tell; None for any other function."""
    if fn.framework != "pytest-test" or fn.class_qualname is None:
        return None
    base = _library_base(fn.class_qualname, graph)
    if base is None:
        return None
    return f"its class derives from {base}, which may run tests without awaiting them"


def _library_base(cls: str, graph: CallGraph) -> str | None:
    """A base at or above ``cls`` that is neither the project's nor known."""
    project = graph.class_names()
    found = sorted(
        name
        for name in (base.partition("[")[0] for base in graph.project_bases(cls))
        if name not in project and name not in _KNOWN_BASES
    )
    return found[0] if found else None
