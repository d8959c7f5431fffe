"""Streamed responses, the part of MIG001 http-client that keeps them streamed.

``session.get(url, stream=True)`` becomes ``session.stream("GET", url)``, an
async context manager: a ``with`` holding it becomes ``async with``, and an
assignment takes the rest of its block into one (the response is readable
only there). ``for line in r.iter_lines()`` becomes ``async for line in
r.aiter_lines()``, ``iter_content(n)`` ``aiter_bytes(n)`` (``aiter_text()``
when decoded), ``r.close()`` ``await r.aclose()``.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from .base import on_leave
from .http_common import HttpRuleBase

STREAM_METHODS = {
    "iter_content": "aiter_bytes",
    "iter_lines": "aiter_lines",
}


def streams(call: cst.Call) -> bool:
    """``stream=True`` among the call's arguments."""
    return any(
        a.keyword is not None and a.keyword.value == "stream" and m.matches(a.value, m.Name("True"))
        for a in call.args
    )


class StreamRewrites(HttpRuleBase):
    """Streamed requests and their responses; :class:`HttpClient` calls the private parts."""

    # ``session.stream(...)`` calls made in this file (positions), and the lines
    # of ``resp = session.get(url, stream=True)`` statements.
    stream_calls: set[object]
    stream_lines: set[int]

    def _visit_with_streams(self, node: cst.With) -> None:
        for item in node.items:
            call = item.item
            if (
                isinstance(call, cst.Call)
                and streams(call)
                and self.ctx.pos(call) in self.ctx.edits.http_calls
                and item.asname is not None
                and isinstance(item.asname.name, cst.Name)
            ):
                self.functions[-1].streams.add(item.asname.name.value)
                self.functions[-1].responses.add(item.asname.name.value)

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        """``for line in r.iter_lines():`` over a streamed response -> ``async for``."""
        iterator = self._stream_iterator(updated.iter)
        if iterator is None:
            return updated
        return updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())

    @on_leave(cst.CompFor)
    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        iterator = self._stream_iterator(updated.iter)
        if iterator is None:
            return updated
        return updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())

    def _stream_iterator(self, expr: cst.BaseExpression) -> cst.BaseExpression | None:
        if not (
            self.ctx.in_async
            and isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in self.functions[-1].streams
        ):
            return None
        method = expr.func.attr.value
        if method == "iter_lines":
            return expr.with_changes(
                func=expr.func.with_changes(attr=cst.Name("aiter_lines")), args=[]
            )
        if method == "iter_content":
            decoded = any(
                a.keyword is not None
                and a.keyword.value == "decode_unicode"
                and m.matches(a.value, m.Name("True"))
                for a in expr.args
            )
            size = [
                a.with_changes(
                    keyword=None, equal=cst.MaybeSentinel.DEFAULT, comma=cst.MaybeSentinel.DEFAULT
                )
                for a in expr.args
                if a.keyword is None or a.keyword.value == "chunk_size"
            ][:1]
            attr = "aiter_text" if decoded else "aiter_bytes"
            return expr.with_changes(func=expr.func.with_changes(attr=cst.Name(attr)), args=size)
        return None

    def _stream_call(
        self,
        original: cst.Call,
        call: cst.Call,
        receiver: cst.BaseExpression,
        method: str,
        args: list[cst.Arg],
        line: int,
    ) -> cst.BaseExpression:
        """``session.get(url, stream=True)`` -> ``session.stream("GET", url)``.

        Not awaited: ``client.stream()`` is an async context manager. The
        ``with`` or assignment holding it becomes ``async with`` (see
        leave_With and leave_IndentedBlock)."""
        if method != "request":
            args = [cst.Arg(cst.SimpleString(f'"{method.upper()}"')), *args]
        self.stream_calls.add(self.ctx.pos(original))
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, "streamed request -> async with client.stream(...)")
        return self._method_call(call, receiver, "stream", args)

    def _stream_method(
        self, original: cst.Call, updated: cst.Call, owner: str, method: str
    ) -> cst.BaseExpression:
        line = self.ctx.line(original)
        if method == "close" and self.ctx.in_async:
            return cst.Await(
                updated.with_changes(func=cst.Attribute(cst.Name(owner), cst.Name("aclose")))
            )
        if method == "json":
            self.ctx.todo(
                line, self.code, f"a streamed response: `await {owner}.aread()` before .json()"
            )
        return updated

    def _stream_blocks(
        self, original: cst.IndentedBlock, body: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """``resp = session.stream(...)`` and the rest of its block -> ``async with``.

        A streamed response is only readable inside its ``async with``; the
        statements after the request in the same block go inside it (as
        ``with session.get(url, stream=True)`` would have needed in requests
        to release the connection)."""
        for index, stmt in enumerate(original.body):
            line = self.ctx.line(stmt)
            if line not in self.stream_lines:
                continue
            new = body[index]
            if not (
                isinstance(new, cst.SimpleStatementLine)
                and len(new.body) == 1
                and isinstance(new.body[0], cst.Assign)
                and len(new.body[0].targets) == 1
            ):
                continue
            assign = new.body[0]
            target = assign.targets[0].target
            if not isinstance(target, cst.Name):
                continue
            rest = body[index + 1 :] or [cst.SimpleStatementLine([cst.Pass()])]
            block = cst.With(
                items=[cst.WithItem(assign.value, asname=cst.AsName(target))],
                body=cst.IndentedBlock(rest),
                asynchronous=cst.Asynchronous() if self.ctx.in_async else None,
                leading_lines=new.leading_lines,
            )
            return [*body[:index], block]
        return body
