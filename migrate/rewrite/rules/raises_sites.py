"""``self.assertRaises(E, f, x)`` where ``f`` became async (see
analyse/raises_calls.py): the framework's context-manager form around the
awaited call, ``with self.assertRaises(E): await f(x)``. The arguments before
``f`` stay with the framework (``assertRaisesRegex``'s pattern); every one after
it, keywords included, goes to the call, as the framework handed them on."""

from __future__ import annotations

import libcst as cst

from .base import Rule, on_leave


class RaisesSites(Rule):
    """The part of async-propagation that awaits a function the test framework called."""

    @on_leave(cst.SimpleStatementLine)
    def leave_raises_statement(
        self, original: cst.SimpleStatementLine, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        if len(original.body) != 1 or not isinstance(original.body[0], cst.Expr):
            return updated
        call = original.body[0].value
        pos = self.ctx.pos(call) if isinstance(call, cst.Call) else None
        index = self.ctx.edits.raises_calls.get(pos) if pos else None
        if index is None or not self.ctx.in_async:
            return updated
        if not isinstance(updated, cst.SimpleStatementLine):
            return updated
        small = updated.body[0]
        if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
            return updated
        made = _split(small.value, index)
        if made is None:
            return updated
        expects, called = made
        body = cst.SimpleStatementLine([cst.Expr(cst.Await(called))])
        return cst.With(
            [cst.WithItem(expects)],
            cst.IndentedBlock([body]),
            leading_lines=updated.leading_lines,
        )


def _split(call: cst.Call, index: int) -> tuple[cst.Call, cst.Call] | None:
    """``assertRaises(E, f, x, msg=m)`` -> ``(assertRaises(E, msg=m), f(x))``."""
    kept: list[cst.Arg] = []
    given: list[cst.Arg] = []
    function: cst.BaseExpression | None = None
    position = 0
    for arg in call.args:
        if arg.keyword is not None:
            given.append(_bare(arg))  # the callable form hands every keyword on
            continue
        if position <= index and arg.star:
            return None  # ``assertRaises(*args)``: which is the function is not written
        if position < index:
            kept.append(_bare(arg))
        elif position == index:
            function = arg.value
        else:
            given.append(_bare(arg))
        position += 1
    if function is None:
        return None
    # Laid out anew: the line breaks of the call's arguments fit none of its parts.
    kept_call = call.with_changes(
        args=_commas(kept), whitespace_before_args=cst.SimpleWhitespace("")
    )
    return kept_call, cst.Call(function, _commas(given))


def _bare(arg: cst.Arg) -> cst.Arg:
    return arg.with_changes(
        comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=cst.SimpleWhitespace("")
    )


def _commas(args: list[cst.Arg]) -> list[cst.Arg]:
    return [
        a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        if i < len(args) - 1
        else a
        for i, a in enumerate(args)
    ]
