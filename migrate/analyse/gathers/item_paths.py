"""What every path through a loop body does, for running it per item (bodies.py).

Which value each path adds to the collection, or whether it skips its item;
whether each of the body's names is set before it is read in the same item
(else it is the item before's value); whether a value can be None.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from .. import dataflow
from ..plain import PLAIN_DISPLAYS
from .model import Adds, Refusal
from .syntax import same_loop

# Expressions whose value the code made itself: a name bound to one is the item's own.
MADE = (*PLAIN_DISPLAYS, ast.BinOp)


def added_value(stmt: ast.stmt) -> tuple[str, Adds, ast.expr, ast.Name] | None:
    """``out.append(v)``, ``out.add(v)`` or ``out[k] = v`` as a statement: ``out``,
    which of the three, the value added (``(k, v)`` for a dict) and the name ``out``."""
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in ("append", "add")
            and isinstance(call.func.value, ast.Name)
            and len(call.args) == 1
            and not call.keywords
            and not isinstance(call.args[0], ast.Starred)
        ):
            adds: Adds = "append" if call.func.attr == "append" else "add"
            return call.func.value.id, adds, call.args[0], call.func.value
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and not isinstance(target.slice, ast.Slice)
        ):
            pair = ast.Tuple(elts=[target.slice, stmt.value], ctx=ast.Load())
            return target.value.id, "item", ast.copy_location(pair, stmt), target.value
    return None


def item_paths(body: list[ast.stmt], out: str, skips: list[ast.Continue]) -> str:
    """ "ends" when every path through ``body`` appends one value to ``out`` last,
    skips the item (``continue``, added to ``skips``) or raises; "falls" when some
    path goes on past it. Refuses anything else."""
    for index, stmt in enumerate(body):
        if (found := added_value(stmt)) and found[0] == out:
            rest = body[index + 1 :]
            if rest and not (len(rest) == 1 and isinstance(rest[0], ast.Continue)):
                raise Refusal(
                    f"the body goes on after adding to {out} (line {stmt.lineno}): it would"
                    " be done before it returns"
                )
            return "ends"
        if isinstance(stmt, ast.Continue):
            skips.append(stmt)
            return "ends"
        if isinstance(stmt, ast.Raise):
            return "ends"
        if isinstance(stmt, ast.If):
            ends = [
                item_paths(stmt.body, out, skips),
                item_paths(stmt.orelse, out, skips) if stmt.orelse else "falls",
            ]
            if ends == ["ends", "ends"]:
                return "ends"
        elif isinstance(stmt, ast.Try) and not isinstance(stmt, getattr(ast, "TryStar", ())):
            if stmt.finalbody and _mentions(stmt.finalbody, out):
                raise Refusal(f"the try's finally clause adds to {out} or skips the item")
            main = item_paths([*stmt.body, *stmt.orelse], out, skips)
            handlers = [item_paths(h.body, out, skips) for h in stmt.handlers]
            if main == "ends" and all(h == "ends" for h in handlers):
                return "ends"
        elif isinstance(stmt, ast.With):
            if item_paths(stmt.body, out, skips) == "ends":
                return "ends"
        elif _mentions([stmt], out):
            raise Refusal(
                f"a nested {type(stmt).__name__.lower()} statement (line {stmt.lineno}) adds"
                f" to {out} or skips the item"
            )
    return "falls"


def _mentions(stmts: list[ast.stmt], out: str) -> bool:
    """Whether ``stmts`` append to ``out`` or skip the item (continue of our loop)."""
    for stmt in stmts:
        for sub in same_loop(stmt):
            if isinstance(sub, ast.Continue):
                return True
        for sub in dataflow.walk_local(stmt):
            if isinstance(sub, ast.stmt) and (found := added_value(sub)) and found[0] == out:
                return True
    return False


def set_before_read(body: list[ast.stmt], defined: set[str], local: set[str]) -> set[str] | None:
    """What every path through ``body`` has set (None: no path goes on past it);
    refuses a read of one of the body's names before it is set in the same item
    (it would be the item before's value)."""
    current = set(defined)
    for stmt in body:
        if isinstance(stmt, ast.Continue | ast.Raise):
            _reads_set(stmt, current, local)
            return None
        if isinstance(stmt, ast.If):
            _reads_set(stmt.test, current, local)
            branches = [set_before_read(stmt.body, current, local)]
            branches.append(set_before_read(stmt.orelse, current, local))
            went_on = [b for b in branches if b is not None]
            if not went_on:
                return None
            current = set.intersection(*went_on)
        elif isinstance(stmt, ast.Try):
            after_body = set_before_read(stmt.body, current, local)
            went_on = []
            if after_body is not None:
                after_else = set_before_read(stmt.orelse, after_body, local)
                if after_else is not None:
                    went_on.append(after_else)
            for handler in stmt.handlers:
                caught = current | ({handler.name} if handler.name else set())
                if handler.type is not None:
                    _reads_set(handler.type, current, local)
                after = set_before_read(handler.body, caught, local)
                if after is not None:
                    went_on.append(after)
            if stmt.finalbody:
                set_before_read(stmt.finalbody, current, local)
            if not went_on:
                return None
            current = set.intersection(*went_on)
        elif isinstance(stmt, ast.With):
            for item in stmt.items:
                _reads_set(item.context_expr, current, local)
                current |= set(dataflow.assigned_names(item))
            after = set_before_read(stmt.body, current, local)
            if after is None:
                return None
            current = after
        elif isinstance(stmt, ast.For | ast.While):
            head = stmt.iter if isinstance(stmt, ast.For) else stmt.test
            _reads_set(head, current, local)
            inner = current | (
                set(dataflow._targets(stmt.target)) if isinstance(stmt, ast.For) else set()
            )
            set_before_read(stmt.body, inner, local)
            set_before_read(stmt.orelse, current, local)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            if stmt.value is not None:
                _reads_set(stmt.value, current, local)
            for target in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                if not isinstance(target, ast.Name):
                    _reads_set(target, current, local)
            current |= {n for n in dataflow.assigned_names(stmt) if "." not in n}
        elif isinstance(stmt, ast.AugAssign):
            _reads_set(stmt, current, local)
        elif isinstance(stmt, ast.Expr | ast.Pass | ast.Assert | ast.Delete):
            _reads_set(stmt, current, local)
            for sub in ast.walk(stmt):
                if isinstance(sub, ast.NamedExpr):
                    current.add(sub.target.id)
        else:
            raise Refusal(
                f"the body has a {type(stmt).__name__.lower()} statement (line {stmt.lineno})"
                " the analysis does not follow"
            )
    return current


def _reads_set(node: ast.AST, defined: set[str], local: set[str]) -> None:
    made = {sub.target.id for sub in dataflow.walk_local(node) if isinstance(sub, ast.NamedExpr)}
    scoped = {
        n
        for sub in ast.walk(node)
        if isinstance(sub, ast.comprehension)
        for n in dataflow._targets(sub.target)
    }
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Name)
            and isinstance(sub.ctx, ast.Load | ast.Del)
            and sub.id in local
            and sub.id not in defined | made | scoped
        ):
            raise Refusal(
                f"the body reads {sub.id} (line {sub.lineno}) before it sets it: an item"
                " would see the item before's value"
            )
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
        if node.target.id in local and node.target.id not in defined:
            raise Refusal(
                f"the body adds to {node.target.id} (line {node.lineno}) from one item to the next"
            )


# Calls that never give None.
_VALUED_CALLS = frozenset(
    {"str", "int", "float", "bool", "len", "repr", "list", "dict", "tuple", "set", "sorted"}
)


def never_none(value: ast.expr, before: Sequence[ast.stmt] = ()) -> bool:
    """Whether ``value`` surely is not None: by its form, or for a name, because
    one of the statements ``before`` it in its block (run whenever it is) set an
    item or attribute of it or called its method, which None would have raised."""
    if isinstance(value, ast.Name):
        return any(_used_as_object(stmt, value.id) for stmt in before)
    if isinstance(value, ast.Constant):
        return value.value is not None
    if isinstance(value, (*MADE, ast.Compare, ast.UnaryOp, ast.GeneratorExp)):
        return True
    if isinstance(value, ast.Call):
        return (dataflow.path_of(value.func) or "") in _VALUED_CALLS
    if isinstance(value, ast.IfExp):
        return never_none(value.body) and never_none(value.orelse)
    return False


def _used_as_object(stmt: ast.stmt, name: str) -> bool:
    """``name[k] = v``, ``name.x = v`` or ``name.method(...)`` as the statement itself."""
    if isinstance(stmt, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        return any(
            isinstance(t, ast.Subscript | ast.Attribute)
            and isinstance(t.value, ast.Name)
            and t.value.id == name
            for t in targets
        )
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        return (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == name
        )
    return False


def statement_blocks(body: list[ast.stmt]) -> list[list[ast.stmt]]:
    """``body`` and every block nested in it (not in nested loops or functions)."""
    blocks = [body]
    for stmt in body:
        if isinstance(stmt, ast.For | ast.AsyncFor | ast.While | ast.FunctionDef | ast.ClassDef):
            continue
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                blocks += statement_blocks(inner)
        for handler in getattr(stmt, "handlers", []):
            blocks += statement_blocks(handler.body)
    return blocks
