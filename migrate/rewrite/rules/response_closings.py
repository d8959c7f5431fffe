"""``contextlib.closing(r)`` of a response that is httpx's now: the wrapper goes.

An async response has no sync ``close()`` (httpx raises "Attempted to call a
sync close on an async stream"), and nothing is left for it to do: a streamed
response's ``async with client.stream(...)`` closes it, and one read whole
holds no connection. ``with closing(r), open(p, "wb") as f:`` keeps its other
items; a ``with`` holding only it gives way to its body.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from .base import StatementResult, on_leave
from .http_common import HttpRuleBase


class ResponseClosings(HttpRuleBase):
    """``with closing(r):`` of an httpx response -> its body (or its other items)."""

    @on_leave(cst.With)
    def leave_response_closing(self, original: cst.With, updated: cst.With) -> StatementResult:
        if not self.functions or len(original.items) != len(updated.items):
            return updated
        state = self.functions[-1]
        kept = _without_closings(updated, state.streams | state.direct_responses)
        if len(kept) == len(updated.items):
            return updated
        self.ctx.maybe_remove_import("contextlib", "closing")
        if not kept:
            return cst.FlattenSentinel(updated.body.body)  # type: ignore[arg-type]
        last = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(items=[*kept[:-1], last])


def _without_closings(with_: cst.With, responses: set[str]) -> list[cst.WithItem]:
    """The items of ``with_`` but ``closing(r)`` of a response ``r`` of ``responses``."""
    if not responses:
        return list(with_.items)
    closing = m.Call(
        func=m.Name("closing") | m.Attribute(m.Name("contextlib"), m.Name("closing")),
        args=[m.Arg(m.OneOf(*(m.Name(name) for name in responses)), keyword=None)],
    )
    return [
        item for item in with_.items if not (item.asname is None and m.matches(item.item, closing))
    ]
