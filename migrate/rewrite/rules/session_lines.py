"""The statements that make and set up a session, as the session rules read them:
``session = requests.Session()`` and the lines configuring it after."""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of


def self_attr_config(stmt: cst.BaseStatement, attr: str) -> bool:
    """``self.session.headers.update(...)`` and the like."""
    code = code_of(stmt).strip()
    return isinstance(stmt, cst.SimpleStatementLine) and code.startswith(f"self.{attr}.")


def names_read(stmt: cst.BaseStatement) -> set[str]:
    """Names a statement may read (not attribute names, not what imports bind), and
    the instance's attributes it reads, as ``self.<attr>``."""
    names: set[str] = set()

    class Reads(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            if m.matches(node.value, m.Name("self")):
                names.add(f"self.{node.attr.value}")
            node.value.visit(self)
            return False

        def visit_Import(self, node: cst.Import) -> bool:
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

    stmt.visit(Reads())
    return names


def bound_by(stmt: cst.BaseStatement) -> set[str]:
    """The names ``stmt`` binds (assignment targets, loop targets, ``as`` names), and
    the instance's attributes it sets, as ``self.<attr>``."""
    bound: set[str] = set()

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            bound.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            if m.matches(node.value, m.Name("self")):
                bound.add(f"self.{node.attr.value}")
            return False

        def visit_Subscript(self, node: cst.Subscript) -> bool:
            return False

    class Targets(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            node.target.visit(Names())

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            node.target.visit(Names())

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            node.target.visit(Names())

        def visit_For(self, node: cst.For) -> None:
            node.target.visit(Names())

        def visit_AsName(self, node: cst.AsName) -> None:
            node.name.visit(Names())

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            node.target.visit(Names())

    stmt.visit(Targets())
    return bound


def rename_self_attr(stmt: cst.BaseStatement, attr: str) -> cst.BaseStatement:
    class Rename(cst.CSTTransformer):
        def leave_Attribute(
            self, original: cst.Attribute, updated: cst.Attribute
        ) -> cst.BaseExpression:
            if m.matches(updated, m.Attribute(value=m.Name("self"), attr=m.Name(attr))):
                return cst.Name(attr)
            return updated

    renamed = stmt.visit(Rename())
    assert isinstance(renamed, cst.SimpleStatementLine | cst.If)
    return renamed


def session_creation(stmt: cst.BaseStatement, shared: dict[str, str]) -> str | None:
    """``session = requests.Session()`` at module level -> "session"."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    assign = stmt.body[0]
    if (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and assign.targets[0].target.value in shared
        and isinstance(assign.value, cst.Call)
    ):
        return assign.targets[0].target.value
    if (
        isinstance(assign, cst.AnnAssign)
        and isinstance(assign.target, cst.Name)
        and assign.target.value in shared
        and isinstance(assign.value, cst.Call)
    ):
        return assign.target.value
    return None


def config_owner(stmt: cst.BaseStatement, shared: dict[str, str]) -> str | None:
    """``session.headers.update(...)`` / ``session.auth = ...`` -> "session"."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    root: cst.BaseExpression | None = None
    if isinstance(small, cst.Expr):
        root = small.value
    elif isinstance(small, cst.Assign) and len(small.targets) == 1:
        root = small.targets[0].target
    elif isinstance(small, cst.AugAssign):
        root = small.target
    while isinstance(root, cst.Call | cst.Attribute | cst.Subscript):
        root = root.func if isinstance(root, cst.Call) else root.value
    if isinstance(root, cst.Name) and root.value in shared:
        return root.value
    return None
