"""requests' functions looked up by name, kept in a local and called after.

``fn = getattr(requests, method)`` then ``resp = fn(url)``: requests' module
functions become the methods of a client made for them (see http_values),
and that client must stay open while ``fn`` is called. The statements from
the lookup to the last one calling ``fn``, in one block (analyse/kept_lookups
``statements_through``), go inside ``async with httpx.AsyncClient(...) as
http_client:``, as a one-off call's statement does.
"""

from __future__ import annotations

import libcst as cst

from .base import on_leave
from .http_common import in_client, requests_defaults
from .http_setup import SessionSetup


class OneOffLookups(SessionSetup):
    """The statements calling a kept lookup of requests' functions, in a client."""

    @on_leave(cst.IndentedBlock)
    def leave_one_off_block(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        lines = [self.ctx.line(stmt) for stmt in original.body]
        spans = sorted(
            (lines.index(first), max(i for i, line in enumerate(lines) if line <= last))
            for first, last in set(self.ctx.edits.one_off_lookups.values())
            if first in lines
        )
        if not spans:
            return updated
        body = list(updated.body)
        if len(body) != len(lines):  # a statement became several: the whole block
            spans = [(0, len(body) - 1)]
        merged: list[tuple[int, int]] = []
        for start, end in spans:  # two lookups whose statements overlap: one client
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        for start, end in reversed(merged):
            client = cst.Call(
                func=self._httpx("AsyncClient"), args=self._with_tls(requests_defaults())
            )
            body[start : end + 1] = [in_client(client, body[start : end + 1], self.ctx.in_async)]
        return updated.with_changes(body=body)
