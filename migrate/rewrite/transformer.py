"""One libcst pass that lets every enabled rule act on each node.

All rules match nodes by their position in the *original* source (the plan
was made from it), so they share a single pass: no rule sees positions
shifted by another. Rules run on each node in registry order (see
``rules/__init__.py`` for why that order).
"""

from __future__ import annotations

from typing import TypeVar

import libcst as cst
from libcst.metadata import PositionProvider

from .context import RuleContext
from .rules.base import Rule

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


def _awaits(node: cst.GeneratorExp) -> bool:
    """Whether a generator expression is now asynchronous (not counting lambdas)."""
    finder = _AwaitFinder()
    node.visit(finder)
    return finder.found


class MigrationTransformer(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, ctx: RuleContext, rules: list[Rule]) -> None:
        super().__init__()
        self.ctx = ctx
        self.rules = rules

    # -- scope tracking ----------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> bool:
        self.ctx.positions = dict(self.metadata[PositionProvider])
        return True

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

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.ctx.non_references.add(id(node.name))
        self.ctx.scope.append(node.name.value)
        for rule in self.rules:
            rule.visit_ClassDef(node)
        return True

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.BaseStatement:
        for rule in self.rules:
            updated = rule.leave_ClassDef(original, updated)
        self.ctx.scope.pop()
        return self._todos(original, updated)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.ctx.non_references.add(id(node.name))
        self.ctx.scope.append(node.name.value)
        becomes_async = (
            node.asynchronous is not None
            or self.ctx.qualname in self.ctx.edits.async_functions
            or self.ctx.qualname in self.ctx.edits.async_fakes
        )
        self.ctx.async_stack.append(becomes_async)
        for rule in self.rules:
            rule.visit_FunctionDef(node)
        return True

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        for rule in self.rules:
            rule.visit_SimpleStatementLine(node)
        return True

    def visit_With(self, node: cst.With) -> bool:
        for rule in self.rules:
            rule.visit_With(node)
        return True

    def visit_Assign(self, node: cst.Assign) -> bool:
        for rule in self.rules:
            rule.visit_Assign(node)
        return True

    def visit_Annotation(self, node: cst.Annotation) -> bool:
        for rule in self.rules:
            rule.visit_Annotation(node)
        return True

    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        for rule in self.rules:
            updated = rule.leave_Annotation(original, updated)
        return updated

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> bool:
        for rule in self.rules:
            rule.visit_ExceptHandler(node)
        return True

    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        for rule in self.rules:
            updated = rule.leave_ExceptHandler(original, updated)
        return updated

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        # Code in a lambda cannot await, whatever the enclosing function is.
        self.ctx.async_stack.append(False)
        return True

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.BaseExpression:
        self.ctx.async_stack.pop()
        return self._expression("leave_Lambda", original, updated)

    def leave_Decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        for rule in self.rules:
            updated = rule.leave_Decorator(original, updated)
        return updated

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.BaseStatement:
        for rule in self.rules:
            updated = rule.leave_FunctionDef(original, updated)
        self.ctx.async_stack.pop()
        self.ctx.scope.pop()
        return self._todos(original, updated)

    # -- expressions ---------------------------------------------------------------

    def _expression(
        self, hook: str, original: cst.CSTNode, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """Hand an expression to every rule's ``hook`` in turn (registry order)."""
        result = updated
        for rule in self.rules:
            result = getattr(rule, hook)(original, result)
        return result

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return self._expression(
            "leave_Call", original, updated.with_changes(func=_paren(updated.func))
        )

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        return self._expression("leave_Name", original, updated)

    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        return self._expression(
            "leave_Attribute", original, updated.with_changes(value=_paren(updated.value))
        )

    def leave_ListComp(self, original: cst.ListComp, updated: cst.ListComp) -> cst.BaseExpression:
        return self._expression("leave_Comprehension", original, updated)

    def leave_SetComp(self, original: cst.SetComp, updated: cst.SetComp) -> cst.BaseExpression:
        return self._expression("leave_Comprehension", original, updated)

    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.Subscript
    ) -> cst.BaseExpression:
        return self._expression(
            "leave_Subscript", original, updated.with_changes(value=_paren(updated.value))
        )

    def leave_GeneratorExp(
        self, original: cst.GeneratorExp, updated: cst.GeneratorExp
    ) -> cst.BaseExpression:
        """``sum(await f(x) for x in xs)`` would hand ``sum`` an async generator.

        A generator expression that now awaits becomes a list comprehension:
        an ``await`` is allowed there, and the consumer gets what it iterated
        before (all items, computed before it runs instead of one by one).
        """
        if not self.ctx.in_async or _awaits(original) or not _awaits(updated):
            return updated
        return cst.ListComp(elt=updated.elt, for_in=updated.for_in)

    # -- statements ------------------------------------------------------------------

    def visit_If(self, node: cst.If) -> bool:
        return self._visit_compound(node)

    def visit_While(self, node: cst.While) -> bool:
        return self._visit_compound(node)

    def visit_For(self, node: cst.For) -> bool:
        return self._visit_compound(node)

    def _visit_compound(self, node: cst.If | cst.While | cst.For) -> bool:
        for rule in self.rules:
            rule.visit_compound(node)
        return True

    def _leave_compound(
        self, original: cst.If | cst.While | cst.For, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        for rule in self.rules:
            updated = rule.leave_compound(original, updated)
        return self._todos(original, updated)

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.BaseStatement:
        for rule in self.rules:
            updated = rule.leave_For(original, updated)
        return self._leave_compound(original, updated)

    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        for rule in self.rules:
            updated = rule.leave_CompFor(original, updated)
        return updated

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.BaseStatement:
        for rule in self.rules:
            updated = rule.leave_With(original, updated)
        return self._todos(original, updated)

    def leave_If(self, original: cst.If, updated: cst.If) -> cst.BaseStatement:
        return self._leave_compound(original, updated)

    def leave_Try(self, original: cst.Try, updated: cst.Try) -> cst.BaseStatement:
        return self._todos(original, updated)

    def leave_While(self, original: cst.While, updated: cst.While) -> cst.BaseStatement:
        return self._leave_compound(original, updated)

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        result: cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel = (
            updated
        )
        for rule in self.rules:
            if not isinstance(result, cst.SimpleStatementLine):
                break
            result = rule.leave_SimpleStatementLine(original, result)
        # TODOs last: rules file some while they rewrite this very statement.
        if isinstance(result, cst.FlattenSentinel):
            nodes: list[cst.BaseStatement] = list(result.nodes)
            if nodes:
                nodes[0] = self._todos(original, nodes[0])
            return cst.FlattenSentinel(nodes)
        if isinstance(result, cst.RemovalSentinel):
            return result
        return self._todos(original, result)

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.BaseSuite:
        for rule in self.rules:
            updated = rule.leave_IndentedBlock(original, updated)
        return updated

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        for rule in self.rules:
            updated = rule.leave_Module(original, updated)
        return updated

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
        existing = {el.comment.value for el in leading if el.comment is not None}
        for line in sorted(lines):
            for comment in self.ctx.todos.pop(line):
                if comment not in existing:
                    leading.append(cst.EmptyLine(comment=cst.Comment(comment)))
        return updated.with_changes(leading_lines=leading)
