"""A ``with`` whose items did not all become async: nested ``async with`` / ``with``.

``with Api() as api, open(path) as f:`` where only ``Api`` became an async
context manager cannot be one ``async with`` (a file has no ``__aenter__``).
Items are entered left to right and exited in reverse, exactly as nested
statements would be; so the items are cut into runs of one kind, each run a
statement of its own nested in the one before, outermost first.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from .context import RuleContext


def split_mixed_items(original: cst.With, updated: cst.With, ctx: RuleContext) -> cst.With:
    """``updated`` as nested statements when only some of its items are async."""
    if updated.asynchronous is None or original.asynchronous is not None:
        return updated
    kinds = _item_kinds(original, updated, ctx)
    # Only items a rule said it made async count as async: a rule that builds
    # its own ``async with`` (a client around a statement) says nothing.
    if kinds is None or all(kinds) or not any(kinds):
        return updated
    if not isinstance(updated.body, cst.IndentedBlock):
        return updated
    runs: list[tuple[bool, list[cst.WithItem]]] = []
    for is_async, item in zip(kinds, updated.items):
        if runs and runs[-1][0] == is_async:
            runs[-1][1].append(item)
        else:
            runs.append((is_async, [item]))
    body: cst.IndentedBlock = updated.body.with_changes(header=cst.TrailingWhitespace())
    for is_async, items in reversed(runs):
        statement = cst.With(
            items=last_without_comma(items),
            body=body,
            asynchronous=cst.Asynchronous() if is_async else None,
            lpar=updated.lpar if len(items) > 1 else cst.MaybeSentinel.DEFAULT,
            rpar=updated.rpar if len(items) > 1 else cst.MaybeSentinel.DEFAULT,
        )
        body = cst.IndentedBlock([statement])
    # The header's comment (``with a, b:  # why``) stays on the first line.
    return statement.with_changes(
        leading_lines=updated.leading_lines,
        body=statement.body.with_changes(header=updated.body.header),
    )


def _item_kinds(original: cst.With, updated: cst.With, ctx: RuleContext) -> list[bool] | None:
    """Whether each item of ``updated`` is an async context manager; None if unknown."""
    originals = iter(original.items)
    kinds = []
    for item in updated.items:
        if id(item) in ctx.added_async_items:
            kinds.append(True)
            continue
        was = next(originals, None)
        if was is None:
            return None
        kinds.append(ctx.pos(was.item) in ctx.async_items)
    return None if next(originals, None) is not None else kinds


def last_without_comma(items: Sequence[cst.WithItem]) -> list[cst.WithItem]:
    """``items`` fit to close a with header: no comma after the last one."""
    return [*items[:-1], items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
