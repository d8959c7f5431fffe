"""A loop's body as the nested async function one item runs (the ``body`` gather).

The analysis (:mod:`migrate.analyse.gathers.bodies`) made sure every path
through the body ends by adding one value to the collection (``out.append(v)``,
``out.add(v)``, ``out[k] = v``), with at most a ``continue`` after it, or by
skipping the item: here each addition becomes ``return v`` (``return k, v``)
and the ``continue`` after it goes; a ``continue`` alone becomes ``return
None`` (values added are never None, so the gather's caller leaves those out).
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from .nodes import code_of


def worker(
    name: str, loop: cst.For, out: str, leading: list[cst.EmptyLine], adds: str = "append"
) -> tuple[cst.FunctionDef, list[str]]:
    """``async def name(<the loop's names>):`` with the loop's body, returning what
    it appended to ``out``; and the names it takes, in order."""
    params = list(dict.fromkeys(_names(loop.target)))
    body = loop.body
    assert isinstance(body, cst.IndentedBlock)
    body = body.with_changes(body=_returning(body.body, out, adds))
    function = cst.FunctionDef(
        name=cst.Name(name),
        params=cst.Parameters(params=[cst.Param(cst.Name(p)) for p in params]),
        body=body,
        asynchronous=cst.Asynchronous(),
        leading_lines=leading,
    )
    return function, params


def _names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, cst.Tuple | cst.List):
        return [n for element in target.elements for n in _names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _names(target.value)
    raise RuntimeError(f"not a plain loop target: {code_of(target)}")


def _added(stmt: cst.BaseSmallStatement, out: str, adds: str) -> cst.BaseExpression | None:
    """What ``out.append(v)`` / ``out.add(v)`` / ``out[k] = v`` adds (``k, v``)."""
    if isinstance(stmt, cst.Assign) and adds == "item" and len(stmt.targets) == 1:
        target = stmt.targets[0].target
        if (
            isinstance(target, cst.Subscript)
            and isinstance(target.value, cst.Name)
            and target.value.value == out
            and len(target.slice) == 1
            and isinstance(target.slice[0].slice, cst.Index)
        ):
            key = target.slice[0].slice.value
            return cst.Tuple([cst.Element(key), cst.Element(stmt.value)], lpar=[], rpar=[])
        return None
    if not isinstance(stmt, cst.Expr):
        return None
    call = stmt.value
    if (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == adds
        and isinstance(call.func.value, cst.Name)
        and call.func.value.value == out
        and len(call.args) == 1
    ):
        return call.args[0].value
    return None


def _returning(
    statements: Sequence[cst.BaseStatement], out: str, adds: str
) -> list[cst.BaseStatement]:
    """``statements`` with ``out.append(v)`` -> ``return v``, and the ``continue`` after it gone."""
    result: list[cst.BaseStatement] = []
    returned = False
    for stmt in statements:
        if isinstance(stmt, cst.SimpleStatementLine):
            small: list[cst.BaseSmallStatement] = []
            for part in stmt.body:
                value = _added(part, out, adds)
                if value is not None:
                    small.append(cst.Return(value=value))
                    returned = True
                elif isinstance(part, cst.Continue) and returned:
                    continue
                elif isinstance(part, cst.Continue):
                    small.append(cst.Return(value=cst.Name("None")))  # the item is skipped
                else:
                    small.append(part)
            if not small:
                continue  # a ``continue`` alone on its line, after the return
            last = small[-1]
            if isinstance(last, cst.Return | cst.Continue | cst.Expr | cst.Assign):
                small[-1] = last.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            result.append(stmt.with_changes(body=small))
            continue
        result.append(_into(stmt, out, adds))
    return result


def _into(stmt: cst.BaseStatement, out: str, adds: str) -> cst.BaseStatement:
    """The blocks of an ``if``/``try``/``with`` (not of a nested loop or function)."""
    if isinstance(stmt, cst.If):
        orelse = stmt.orelse
        if orelse is not None:
            orelse = (
                _into(orelse, out, adds)  # type: ignore[assignment]
                if isinstance(orelse, cst.If)
                else orelse.with_changes(body=_block(orelse.body, out, adds))
            )
        return stmt.with_changes(body=_block(stmt.body, out, adds), orelse=orelse)
    if isinstance(stmt, cst.Try):
        handlers = [h.with_changes(body=_block(h.body, out, adds)) for h in stmt.handlers]
        orelse = stmt.orelse
        if orelse is not None:
            orelse = orelse.with_changes(body=_block(orelse.body, out, adds))
        return stmt.with_changes(
            body=_block(stmt.body, out, adds), handlers=handlers, orelse=orelse
        )
    if isinstance(stmt, cst.With):
        return stmt.with_changes(body=_block(stmt.body, out, adds))
    return stmt


def _block(block: cst.BaseSuite, out: str, adds: str) -> cst.BaseSuite:
    if isinstance(block, cst.IndentedBlock):
        return block.with_changes(body=_returning(block.body, out, adds))
    if isinstance(block, cst.SimpleStatementSuite):
        lines = _returning([cst.SimpleStatementLine(body=block.body)], out, adds)
        if not lines:
            return block.with_changes(body=[cst.Pass()])
        (line,) = lines
        assert isinstance(line, cst.SimpleStatementLine)
        return block.with_changes(body=line.body)
    return block
