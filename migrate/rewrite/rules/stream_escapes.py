"""Streamed responses used past their block: read whole instead.

httpx reads a streamed body only inside ``async with client.stream(...)``, and
the rule takes the rest of the request's block into it (see http_streams). A
response read after that block ends (``with lock: r = s.get(u, stream=True)``,
then a loop over ``r.iter_content()`` below it) or handed out of it (``return
r``, ``self.r = r``, ``yield r``, ``found.append(r)``) would be read once its
stream has closed (httpx.StreamClosed). Such a request is made without
streaming: its body is read whole, and what requests' streamed response
offered (``iter_content``, ``iter_lines``) reads from it as from any response.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst
import libcst.matchers as m

Pos = tuple[int, int, int, int]
# Calls that keep what they are handed past the statement: ``found.append(r)``.
_KEEPING = frozenset({"append", "add", "extend", "insert", "put", "setdefault"})
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def escaping_streams(
    fn: cst.FunctionDef,
    pos: Callable[[cst.CSTNode], Pos | None],
    streams: Callable[[cst.Call], bool],
) -> set[Pos]:
    """The positions of the ``name = <call>`` calls in ``fn`` that ``streams`` (a
    ``stream=True`` request) whose response is used past the block it is made in."""
    found: set[Pos] = set()
    for block, index, name, call in _stream_assignments(fn.body, streams):
        where, end = pos(call), pos(block)
        if where is None or end is None:
            continue
        rest = block.body[index + 1 :]
        if any(_hands_out(stmt, name) for stmt in rest) or any(
            line > end[2] for line in _reads(fn.body, name, pos)
        ):
            found.add(where)
    return found


def _stream_assignments(
    block: cst.BaseSuite, streams: Callable[[cst.Call], bool]
) -> Iterator[tuple[cst.IndentedBlock, int, str, cst.Call]]:
    """Each ``name = <streamed call>`` statement, with its block and index there."""
    if not isinstance(block, cst.IndentedBlock):
        return
    for index, stmt in enumerate(block.body):
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            small = stmt.body[0]
            if (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and isinstance(small.targets[0].target, cst.Name)
                and isinstance(small.value, cst.Call)
                and streams(small.value)
            ):
                yield block, index, small.targets[0].target.value, small.value
        elif isinstance(stmt, cst.BaseCompoundStatement) and not isinstance(stmt, _SCOPES):
            for child in _blocks(stmt):
                yield from _stream_assignments(child, streams)


def _blocks(stmt: cst.BaseCompoundStatement) -> Iterator[cst.BaseSuite]:
    """The blocks a compound statement holds: its body, and its ``else``, ``except``,
    ``finally`` and ``elif`` ones, or a ``match``'s cases."""
    if isinstance(stmt, cst.Match):
        for case in stmt.cases:
            yield case.body
        return
    yield stmt.body
    for attr in ("orelse", "handlers", "finalbody"):
        part = getattr(stmt, attr, None)
        parts = part if isinstance(part, tuple | list) else [part]
        for one in parts:
            if isinstance(one, cst.If):
                yield from _blocks(one)
            elif one is not None and hasattr(one, "body"):
                yield one.body


def _hands_out(stmt: cst.BaseStatement, name: str) -> bool:
    """Whether ``stmt`` hands ``name`` out of its block: returned or yielded as it is,
    kept on an object or in a container."""
    bare = m.Name(name) | m.Tuple([m.ZeroOrMore(), m.Element(m.Name(name)), m.ZeroOrMore()])
    if m.findall(stmt, m.Return(value=bare) | m.Yield(value=bare)):
        return True
    kept = m.Assign(
        targets=[m.AtLeastN(m.AssignTarget(m.Attribute() | m.Subscript()), n=1)], value=m.Name(name)
    )
    keeping = m.Call(
        func=m.Attribute(attr=m.OneOf(*(m.Name(n) for n in _KEEPING))),
        args=[m.ZeroOrMore(), m.Arg(m.Name(name)), m.ZeroOrMore()],
    )
    return bool(m.findall(stmt, kept | keeping))


def _reads(body: cst.BaseSuite, name: str, pos: Callable[[cst.CSTNode], Pos | None]) -> list[int]:
    """The lines ``name`` is read on in ``body``, nested scopes aside."""
    lines: list[int] = []

    class Reads(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_AssignTarget(self, node: cst.AssignTarget) -> bool:
            return not isinstance(node.target, cst.Name)

        def visit_Name(self, node: cst.Name) -> None:
            where = pos(node) if node.value == name else None
            if where is not None:
                lines.append(where[0])

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

    body.visit(Reads())
    return lines
