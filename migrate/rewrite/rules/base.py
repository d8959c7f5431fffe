"""The shape every rule has: a code, a name, and hooks the engine calls."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from ..context import RuleContext

StatementResult = cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel


class Rule:
    """A rewrite rule. Hooks receive the original node (for positions) and the
    node as rewritten so far by earlier rules, and return the new node."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        return None

    def visit_Assign(self, node: cst.Assign) -> None:
        return None

    def visit_With(self, node: cst.With) -> None:
        return None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        return None

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        return None

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        return updated

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        return None

    def visit_Annotation(self, node: cst.Annotation) -> None:
        return None

    def visit_compound(self, node: cst.If | cst.While | cst.For) -> None:
        """Before the header of an ``if``/``elif``/``while``/``for`` statement."""
        return None

    def leave_compound(
        self, original: cst.If | cst.While | cst.For, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        """After an ``if``/``elif``/``while``/``for`` statement, once other hooks ran."""
        return updated

    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        return updated

    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        return updated

    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        return updated

    def leave_Lambda(self, original: cst.Lambda, updated: cst.BaseExpression) -> cst.BaseExpression:
        return updated

    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        return updated

    def leave_Comprehension(
        self, original: cst.ListComp | cst.SetComp, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        return updated

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        return updated

    def leave_Decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        return updated

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        return updated

    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        return updated

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        return updated

    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        return updated

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        return updated

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        return updated
