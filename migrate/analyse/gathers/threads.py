"""Threads started over items and joined at once: one gather over the workers."""

from __future__ import annotations

import ast

from .. import dataflow
from ..model import Span
from ..thread_shapes import ThreadWorkers, thread_workers
from .model import GatherEdit, span_of


def thread_edit(
    function: ast.FunctionDef | ast.AsyncFunctionDef, thread: Span
) -> GatherEdit | None:
    """The gather that replaces the threads whose ``Thread(...)`` call is at ``thread``.

    ``threads = [Thread(target=work, args=(x,)) for x in xs]`` and the loops that
    start and join them become ``await gather_in_order((work(x) for x in xs), ...)``
    where the list was made. A thread's failure never reached the code that
    joined it, so the gather returns failures instead of raising them.
    """
    for block in _blocks(function):
        for shape in thread_workers(block, lambda _: "threading.Thread"):
            if span_of(shape.thread) == thread:
                first, *rest = shape.statements
                return GatherEdit(
                    form="threads",
                    anchor=span_of(first),
                    fetches=(),
                    names=(),
                    drop=tuple(span_of(s) for s in rest),
                    generator=_generator(shape),
                )
    return None


def _generator(shape: ThreadWorkers) -> str:
    arguments = [ast.unparse(a) for a in shape.arguments]
    keywords = shape.keywords
    if isinstance(keywords, ast.Dict) and all(
        isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier()
        for k in keywords.keys
    ):
        arguments += [f"{k.value}={ast.unparse(v)}" for k, v in zip(keywords.keys, keywords.values)]  # type: ignore[union-attr]
    elif keywords is not None:
        arguments.append(f"**{ast.unparse(keywords)}")
    call = f"{ast.unparse(shape.worker)}({', '.join(arguments)})"
    target = ast.unparse(shape.target)
    if isinstance(shape.target, ast.Tuple):
        target = target.strip("()")
    clauses = f"for {target} in {ast.unparse(shape.items)}"
    clauses += "".join(f" if {ast.unparse(c)}" for c in shape.conditions)
    return f"{call} {clauses}"


def _blocks(function: ast.AST) -> list[list[ast.stmt]]:
    found = []
    for node in dataflow.walk_local(function):
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(node, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                found.append(inner)
    return found
