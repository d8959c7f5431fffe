"""Property reads that become calls, as the fan-out analysis sees them.

``info = self.info`` becomes ``info = await self.info()`` when the getter
fetches (see properties). A second run sees that call and may gather it with
its neighbours; so the first run must too, or a second run would change the
code. The reads are handed to the fan-out analysis as the calls they become:
awaited, and in the function's ``ast`` as ``ast.Call`` nodes of the same
position.
"""

from __future__ import annotations

import ast

from .decisions import Colouring
from .gathers import Awaited
from .graph import CallGraph
from .model import Function, Span
from .pacing import Pacing
from .receivers import receiver_changes
from .tree import span_of


def property_fetches(
    fn: Function, graph: CallGraph, colouring: Colouring, pacing: Pacing
) -> dict[Span, Awaited]:
    """The reads of ``fn`` whose getter becomes an async method, by position."""
    found = {}
    for read in fn.reads:
        callee = graph.resolve(read.target) if read.target else None
        if read.in_lambda or read.named or callee not in graph.functions:
            continue  # a ``getattr`` read: an unknown call once awaited, as a rerun sees it
        target = graph.functions[callee]
        if target.property and colouring.is_async(callee):
            verbs = frozenset(colouring.http_verbs.get(callee, ()))
            # A getter keeping what it fetched (``self._links = ...``) changes its receiver.
            changes = receiver_changes(target, graph)
            found[read.span] = Awaited(
                callee, "fetch", verbs, changes_receiver=changes, holds=pacing.holds(callee)
            )
    return found


def as_calls(node: ast.AST, spans: set[Span]) -> None:
    """The reads at ``spans`` in ``node``, made the calls they become (in place)."""
    if spans:
        _Reads(spans).visit(node)


class _Reads(ast.NodeTransformer):
    def __init__(self, spans: set[Span]) -> None:
        self.spans = spans

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if not isinstance(node.ctx, ast.Load) or span_of(node) not in self.spans:
            return node
        return ast.copy_location(ast.Call(func=node, args=[], keywords=[]), node)


def async_iterated(fn: Function, graph: CallGraph, colouring: Colouring) -> frozenset[Span]:
    """Where ``fn`` iterates what becomes async (``for f in storage.files()`` of a
    generator that does), as the plan's async iterations are found."""
    found = set()
    for call in fn.calls:
        if not call.iterated or call.in_lambda:
            continue
        callee = graph.callee_of(call)
        if callee is None:
            continue
        target = graph.functions[callee]
        if not (colouring.is_async(callee) or target.is_async):
            continue
        if target.is_generator or call.iterates:
            found.add(call.iterated_at or call.span)
    return frozenset(found)
