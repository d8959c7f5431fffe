"""Generator expressions held in a local only to be taken lazily:
``items = (f(x) for x in xs)`` then ``for item in items:`` (or ``next(items)``).

When the expression comes to await, it stays a generator expression, an
async one, and its one reader takes it as such (``async for``, ``await
anext(items)``): a loop that stops early still makes only the calls it made
before. A local read anywhere else keeps the expression a list.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m


class _OwnNodes(cst.CSTVisitor):
    """The function's own assignments, loops and calls (not those of nested scopes)."""

    def __init__(self) -> None:
        self.assigns: list[cst.Assign] = []
        self.loops: list[cst.For] = []
        self.calls: list[cst.Call] = []
        self.names: dict[str, int] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        self.assigns.append(node)

    def visit_For(self, node: cst.For) -> None:
        self.loops.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        self.names[node.value] = self.names.get(node.value, 0) + 1


def lazy_generator_locals(fn: cst.FunctionDef) -> dict[int, str]:
    """The generator expressions (ids) bound to such locals in ``fn``, with their names."""
    own = _OwnNodes()
    fn.body.visit(own)
    # A name any nested scope reads too is not followed.
    everywhere: dict[str, int] = {}
    for node in m.findall(fn.body, m.Name()):
        value = cst.ensure_type(node, cst.Name).value
        everywhere[value] = everywhere.get(value, 0) + 1
    found: dict[int, str] = {}
    for assign in own.assigns:
        target = assign.targets[0].target if len(assign.targets) == 1 else None
        if not isinstance(target, cst.Name) or not isinstance(assign.value, cst.GeneratorExp):
            continue
        name = target.value
        if own.names.get(name) != 2 or everywhere.get(name) != 2:
            continue  # bound once, read once
        looped = any(
            isinstance(loop.iter, cst.Name) and loop.iter.value == name and not loop.asynchronous
            for loop in own.loops
        )
        if looped or any(next_of(call) == name for call in own.calls):
            found[id(assign.value)] = name
    return found


def next_of(call: cst.Call) -> str | None:
    """``g`` of ``next(g)`` or ``next(g, default)``."""
    if not m.matches(call.func, m.Name("next")) or not 1 <= len(call.args) <= 2:
        return None
    if any(arg.keyword or arg.star for arg in call.args):
        return None
    first = call.args[0].value
    return first.value if isinstance(first, cst.Name) else None
