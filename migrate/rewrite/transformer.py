"""One libcst pass that lets every enabled rule act on each node.

All rules match nodes by their position in the *original* source (the plan
was made from it), so they share a single pass: no rule sees positions
shifted by another. Each rule registered for the node types it handles
(:mod:`migrate.rewrite.rules.base`); they run on each node in registry order
(see ``rules/__init__.py`` for why that order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import libcst as cst
from libcst.metadata import PositionProvider

from .context import RuleContext, todo_texts
from .lazy_locals import lazy_generator_locals, next_of
from .nodes import code_of, taken_by_next
from .rules.base import Rule
from .with_items import split_mixed_items

N = TypeVar("N", bound=cst.CSTNode)


def _paren(expr: cst.BaseExpression) -> cst.BaseExpression:
    """``await f()`` used as a primary (``(await f()).json()``) needs brackets."""
    if isinstance(expr, cst.Await) and not expr.lpar:
        return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return expr


class _AwaitFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Await(self, node: cst.Await) -> bool:
        self.found = True
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_CompFor(self, node: cst.CompFor) -> bool:
        # ``async for`` in a generator expression also makes it asynchronous.
        if node.asynchronous is not None:
            self.found = True
        return True


def _stopping(call: cst.Call) -> cst.GeneratorExp | None:
    """The generator expression ``any(...)`` or ``all(...)`` is given, alone."""
    if code_of(call.func) not in ("any", "all") or len(call.args) != 1:
        return None
    given = call.args[0].value
    return given if isinstance(given, cst.GeneratorExp) and not call.args[0].keyword else None


def _awaits(node: cst.GeneratorExp) -> bool:
    """Whether a generator expression is now asynchronous (not counting lambdas)."""
    finder = _AwaitFinder()
    node.visit(finder)
    return finder.found


# Where ``await f()`` used as a primary needs brackets: ``(await f()).json()``.
_PRIMARY = {cst.Call: "func", cst.Attribute: "value", cst.Subscript: "value"}
# Statements that take the TODOs filed for their lines (inner ones are left first).
_TODO_HOLDERS = (
    cst.SimpleStatementLine,
    cst.If,
    cst.While,
    cst.For,
    cst.With,
    cst.Try,
    cst.FunctionDef,
    cst.ClassDef,
)

# Where a bracketed ``not`` needs no brackets.
_BARE_FIELDS: tuple[tuple[type[cst.CSTNode], str], ...] = (
    (cst.If, "test"),
    (cst.While, "test"),
    (cst.IfExp, "test"),
    (cst.CompIf, "test"),
    (cst.Assert, "test"),
    (cst.Arg, "value"),
    (cst.Return, "value"),
    (cst.Assign, "value"),
    (cst.AnnAssign, "value"),
    (cst.DictElement, "value"),
    (cst.Element, "value"),
)

Handler = Callable[..., Any]


def _dispatch(rules: list[Rule], when: str) -> dict[type[cst.CSTNode], list[Handler]]:
    """Node type -> the rules' handlers for it, in the order they run.

    Rules run in registry order. A handler registered for one node type runs
    before handlers shared by several (``if``/``while``/``for``): a ``for``
    gets its own fixes before a rule wraps the whole statement.
    """
    entries = []
    for index, rule in enumerate(rules):
        for order, hook in enumerate(rule.hooks()):
            if hook.when != when:
                continue
            for node_type in hook.types:
                shared = len(hook.types) > 1
                entries.append((shared, index, order, node_type, getattr(rule, hook.method)))
    table: dict[type[cst.CSTNode], list[Handler]] = {}
    for *_, node_type, handler in sorted(entries, key=lambda e: e[:3]):
        table.setdefault(node_type, []).append(handler)
    return table


class MigrationTransformer(cst.CSTTransformer):
    """Keeps the state rules share (scope, async-ness, positions), calls their hooks."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, ctx: RuleContext, rules: list[Rule]) -> None:
        super().__init__()
        self.ctx = ctx
        self.visitors = _dispatch(rules, "visit")
        self.leavers = _dispatch(rules, "leave")
        # ``get = lambda u: ...`` that becomes a nested async def: the lambda's id -> name.
        self.named_lambdas: dict[int, str] = {}
        # Generator expressions ``next()`` takes one item of, or a loop iterates (ids).
        self.first_only: set[int] = set()
        # ``items = (f(x) for x in xs)`` taken lazily (see lazy_locals): id -> local;
        # and the (function, local) pairs whose expression became async.
        self.lazy_locals: dict[int, str] = {}
        self.async_locals: set[tuple[str, str]] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        super().on_visit(node)
        for handler in self.visitors.get(type(node), ()):
            handler(node)
        return True

    def on_leave(  # type: ignore[override]
        self, original: cst.CSTNode, updated: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        primary = _PRIMARY.get(type(original))
        if primary is not None:
            updated = updated.with_changes(**{primary: _paren(getattr(updated, primary))})
        if self.ctx.negations:
            updated = self._tidy(updated)
        result: cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode] = updated
        # A handler gets the node as earlier rules left it: a call may be an
        # ``await`` by now, a statement wrapped in ``with``. Once a rule removed
        # the node or split it in several, later handlers still see it leave
        # (their state stays balanced) but can no longer change it.
        for handler in self.leavers.get(type(original), ()):
            # A small statement made into another kind (``jobs[k] = v`` into ``await
            # jobs.asetitem(k, v)``) is done with, as one removed is.
            replaced = isinstance(original, cst.BaseSmallStatement) and (
                type(result) is not type(original)
            )
            if replaced or isinstance(result, cst.RemovalSentinel | cst.FlattenSentinel):
                handler(original, updated)
                continue
            updated = result
            result = handler(original, result)
        if isinstance(original, cst.With) and isinstance(result, cst.With):
            result = split_mixed_items(original, result, self.ctx)
        result = super().on_leave(original, result)  # type: ignore[arg-type]
        if isinstance(result, cst.BaseStatement):
            self.ctx.carry_line(original, result)
        if isinstance(original, _TODO_HOLDERS):
            return self._statement_todos(original, result)
        return result

    # -- scope tracking ----------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> bool:
        self.ctx.positions = dict(self.metadata[PositionProvider])
        return True

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.ctx.non_references.add(id(node.name))
        self.ctx.scope.append(node.name.value)
        return True

    def leave_ClassDef(
        self, original: cst.ClassDef, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        self.ctx.scope.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.ctx.non_references.add(id(node.name))
        self.ctx.scope.append(_scope_name(node))
        becomes_async = (
            node.asynchronous is not None
            or self.ctx.qualname in self.ctx.edits.async_functions
            or self.ctx.qualname in self.ctx.edits.async_fakes
        )
        self.ctx.async_stack.append(becomes_async)
        if becomes_async:
            lazy = lazy_generator_locals(node)
            self.lazy_locals.update(lazy)
            self.first_only.update(lazy)
        return True

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        self.ctx.async_stack.pop()
        self.ctx.scope.pop()
        return updated

    def visit_Assign(self, node: cst.Assign) -> bool:
        target = node.targets[0].target if len(node.targets) == 1 else None
        if isinstance(node.value, cst.Lambda) and isinstance(target, cst.Name):
            if f"{self.ctx.qualname}.{target.value}" in self.ctx.edits.async_functions:
                self.named_lambdas[id(node.value)] = target.value
        return True

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        name = self.named_lambdas.get(id(node))
        if name is not None:
            # The nested async def it becomes (see analyse.named_lambdas): its code awaits.
            self.ctx.scope.append(name)
            self.ctx.async_stack.append(True)
            return True
        # Code in a lambda cannot await, whatever the enclosing function is; unless
        # the lambda is mapped over items and the map becomes a comprehension.
        self.ctx.async_stack.append(self.ctx.in_async and self._unmapped(node))
        return True

    def _unmapped(self, node: cst.Lambda) -> bool:
        pos = self.ctx.pos(node)
        if pos is None:
            return False
        for at in self.ctx.edits.gathers:
            if at.edit.form == "unmapped" or (at.edit.form == "comprehension" and at.edit.consumer):
                if at.anchor[:2] <= pos[:2] and pos[2:] <= at.anchor[2:]:
                    return True
        return False

    def leave_Lambda(self, original: cst.Lambda, updated: cst.BaseExpression) -> cst.BaseExpression:
        self.ctx.async_stack.pop()
        if id(original) in self.named_lambdas:
            self.ctx.scope.pop()
        return updated

    # -- names that are not references ---------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self.ctx.non_references.add(id(node.attr))
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self.ctx.non_references.add(id(node.keyword))
        return True

    def visit_Param(self, node: cst.Param) -> bool:
        self.ctx.non_references.add(id(node.name))
        return True

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        for name in (node.name, node.asname.name if node.asname else None):
            if isinstance(name, cst.Name):
                self.ctx.non_references.add(id(name))
        return True

    # -- expressions ---------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> bool:
        taken = taken_by_next(node)
        if taken is not None:
            self.first_only.add(id(taken))
        if (stopping := _stopping(node)) is not None:
            self.first_only.add(id(stopping))  # any()/all(): see leave_Call
        return True

    def visit_For(self, node: cst.For) -> bool:
        if isinstance(node.iter, cst.GeneratorExp):
            self.first_only.add(id(node.iter))
        return True

    def leave_For(
        self, original: cst.For, updated: cst.For | cst.FlattenSentinel[cst.BaseStatement]
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        """``for item in (f(x) for x in xs)`` whose generator now awaits: ``async for``
        over it, which still fetches one item per turn (a loop that returns early
        fetched no more)."""
        if not isinstance(updated, cst.For):
            return updated  # a rule made it something else (a gather)
        made = updated.iter
        before = original.iter
        if isinstance(made, cst.GeneratorExp) and isinstance(before, cst.GeneratorExp):
            if _awaits(made) and not _awaits(before):
                return updated.with_changes(asynchronous=cst.Asynchronous())
        if isinstance(before, cst.Name) and (self.ctx.qualname, before.value) in self.async_locals:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    def leave_GeneratorExp(
        self, original: cst.GeneratorExp, updated: cst.GeneratorExp
    ) -> cst.BaseExpression:
        """``sum(await f(x) for x in xs)`` would hand ``sum`` an async generator.

        A generator expression that now awaits becomes a list comprehension:
        an ``await`` is allowed there, and the consumer gets what it iterated
        before (all items, computed before it runs instead of one by one).
        ``next()`` takes one item, and a ``for`` loop one per turn: it stays an
        async generator (``await anext()``, ``async for``).
        """
        if not isinstance(updated, cst.GeneratorExp):
            return updated  # gathered (see the gather rule)
        if not self.ctx.in_async or _awaits(original) or not _awaits(updated):
            return updated
        if id(original) in self.lazy_locals:
            self.async_locals.add((self.ctx.qualname, self.lazy_locals[id(original)]))
        if id(original) in self.first_only:
            return updated
        return cst.ListComp(elt=updated.elt, for_in=updated.for_in)

    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        """``next(g)`` over a generator that now awaits: ``await anext(g)``, which
        still runs it up to its first item only (StopAsyncIteration when empty);
        ``any(p(x) for x in g())``: ``await aany(...)``, which stops where any() did."""
        stopping = _stopping(original)
        if stopping is not None and self.ctx.in_async and isinstance(updated, cst.Call):
            made = updated.args[0].value
            if isinstance(made, cst.GeneratorExp) and _awaits(made) and not _awaits(stopping):
                helper = self.ctx.use_helper("a" + code_of(original.func))
                return cst.Await(updated.with_changes(func=cst.Name(helper)))
        taken = taken_by_next(original)
        local = next_of(original)
        if local and (self.ctx.qualname, local) in self.async_locals:
            args = updated.args if isinstance(updated, cst.Call) else original.args
            return cst.Await(cst.Call(func=cst.Name("anext"), args=args))
        if taken is None or not self.ctx.in_async or not isinstance(updated, cst.Call):
            return updated
        if isinstance(taken, cst.GeneratorExp) and _awaits(taken):
            return updated  # an async generator already
        first = updated.args[0].value
        if isinstance(first, cst.Call) and code_of(first.func) == "iter":
            first = first.args[0].value  # ``next(iter(g))``: anext takes g itself
        if not isinstance(first, cst.GeneratorExp) or not _awaits(first):
            return updated
        if len(updated.args) == 1:
            first = first.with_changes(lpar=[], rpar=[])
        elif not first.lpar:
            first = first.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        args = [updated.args[0].with_changes(value=first), *updated.args[1:]]
        return cst.Await(cst.Call(func=cst.Name("anext"), args=args))

    # -- brackets around a ``not`` a rule made ----------------------------------------

    def _bare(self, expr: cst.BaseExpression) -> cst.BaseExpression:
        """``(not x)`` made by a rule, without its brackets."""
        if id(expr) in self.ctx.negations and isinstance(expr, cst.UnaryOperation):
            return expr.with_changes(lpar=[], rpar=[])
        return expr

    def _tidy(self, updated: cst.CSTNode) -> cst.CSTNode:
        """Brackets of a rule's ``(not x)`` go where nothing needs them (a test,
        an argument, a boolean operand, a value assigned, returned or listed), and
        ``not (not r.is_error)`` is ``r.is_error``. Done before the rules'
        handlers, which may wrap the statement (``async with`` around an ``if``)."""
        if isinstance(updated, cst.UnaryOperation) and isinstance(updated.operator, cst.Not):
            inner = updated.expression
            if id(inner) in self.ctx.negations and isinstance(inner, cst.UnaryOperation):
                return inner.expression.with_changes(lpar=updated.lpar, rpar=updated.rpar)
            return updated
        if isinstance(updated, cst.BooleanOperation):
            return updated.with_changes(
                left=self._bare(updated.left), right=self._bare(updated.right)
            )
        if isinstance(updated, cst.Arg) and updated.star:
            return updated
        for node_type, field in _BARE_FIELDS:
            if isinstance(updated, node_type):
                value = getattr(updated, field)
                if isinstance(value, cst.BaseExpression):
                    return updated.with_changes(**{field: self._bare(value)})
        return updated

    # -- TODO comments -------------------------------------------------------------------

    def _statement_todos(
        self,
        original: cst.CSTNode,
        result: cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode],
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        """TODOs last: rules file some while they rewrite this very statement."""
        if isinstance(result, cst.RemovalSentinel):
            return result
        if isinstance(result, cst.FlattenSentinel):
            nodes = list(result.nodes)
            if nodes:
                nodes[0] = self._todos(original, nodes[0])
            return cst.FlattenSentinel(nodes)
        return self._todos(original, result)

    # -- TODO comments -------------------------------------------------------------------

    def _todos(self, original: cst.CSTNode, updated: N) -> N:
        """Put the TODOs rules filed for lines of this statement above it.

        Inner statements are left first and take their own TODOs, so what is
        left in a compound statement's range belongs to its header.
        """
        pos = self.ctx.pos(original)
        if pos is None or not self.ctx.todos or not hasattr(updated, "leading_lines"):
            return updated
        first, last = pos[0], pos[2]
        if isinstance(original, cst.FunctionDef | cst.ClassDef) and original.decorators:
            first = self.ctx.line(original.decorators[0])
        lines = [line for line in self.ctx.todos if first <= line <= last]
        if not lines:
            return updated
        leading = list(updated.leading_lines)
        # A TODO an earlier run wrapped over several lines is the same TODO.
        existing = set(todo_texts(el.comment.value for el in leading if el.comment is not None))
        for line in sorted(lines):
            for comment in self.ctx.todos.pop(line):
                if comment not in existing:
                    leading.append(cst.EmptyLine(comment=cst.Comment(comment)))
        return updated.with_changes(leading_lines=leading)


def _scope_name(node: cst.FunctionDef) -> str:
    """``token.<setter>`` for ``@token.setter def token``, as the analysis names it:
    the getter keeps the plain name."""
    name = node.name.value
    for decorator in node.decorators:
        accessor = decorator.decorator
        if (
            isinstance(accessor, cst.Attribute)
            and accessor.attr.value in ("setter", "deleter")
            and isinstance(accessor.value, cst.Name)
            and accessor.value.value == name
        ):
            return f"{name}.<{accessor.attr.value}>"
    return name
