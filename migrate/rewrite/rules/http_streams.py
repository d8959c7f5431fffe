"""Streamed responses, the part of MIG001 http-client that keeps them streamed.

``session.get(url, stream=True)`` becomes ``session.stream("GET", url)``, an
async context manager: a ``with`` holding it becomes ``async with``, and an
assignment takes the rest of its block into one (the response is readable
only there). ``for line in r.iter_lines()`` becomes ``async for line in
r.aiter_lines()``, ``iter_content(n)`` ``aiter_bytes(n)`` (``aiter_text()``
when decoded), ``r.close()`` ``await r.aclose()``, ``shutil.copyfileobj(r.raw,
f)`` a loop writing ``r.aiter_raw()``.

Read outside a loop, a body's iterator is read with ``async for`` as well:
``next(it)`` becomes ``await anext(it)``, ``list(it)``, ``b"".join(it)`` and
the like get a list made with ``async for``, a name bound to it is an async
iterator wherever the function reads it, and ``yield from`` becomes an
``async for`` loop. Lines come back as the bytes requests gave, unless the
code decoded them. Handed to anything else, it gets a TODO.

The module is long because a body's iterator is followed wherever its
function reads it (a loop, a comprehension, ``next()``, a whole read, a name
bound to it, ``yield from``), and each has its own async spelling.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar, cast

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of, dotted_name, is_keyword
from .base import on_leave, on_visit
from .http_common import ONE_SHOT_CLIENT, HttpRuleBase
from .stream_escapes import Pos, escaping_streams

_Node = TypeVar("_Node", bound=cst.CSTNode)

STREAM_METHODS = {
    "iter_content": "aiter_bytes",
    "iter_lines": "aiter_lines",
}
# A sync httpx client's streamed response (``with client.stream(...) as r``): the
# same iterators, async, and the same items.
NATIVE_STREAM_METHODS = {
    "iter_bytes": "aiter_bytes",
    "iter_text": "aiter_text",
    "iter_lines": "aiter_lines",
    "iter_raw": "aiter_raw",
}
NATIVE_STREAM_READS = {"read": "aread", "close": "aclose"}
# Functions that read an iterator to its end: handed a streamed body's iterator,
# they get a list of its items (``[line async for line in r.aiter_lines()]``).
READS_WHOLE = frozenset(
    {"list", "tuple", "set", "frozenset", "sorted", "sum", "min", "max", "any", "all", "dict"}
)


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

    stream_clients: dict[object, cst.WithItem]
    with_items: set[int]
    stream_loops: set[int]
    stream_values: dict[int, str]
    stream_readers: set[int]
    stream_encoded: set[int]
    raw_copies: set[int]  # ``r`` of ``copyfileobj(r.raw, f)``, rewritten as a loop
    escaping_streams: set[Pos]
    _statement_calls: set[int]  # calls that are whole statements (see ValueRewrites)

    def _read_body_method(
        self, original: cst.Call, updated: cst.Call, response: cst.Name
    ) -> cst.BaseExpression:
        """A method of a body read whole: iterated as requests iterates it, or a TODO."""
        assert isinstance(updated.func, cst.Attribute)
        method = updated.func.attr.value
        read = _read_body_iterated(updated, response)
        if read is not None:
            return read
        if method in STREAM_METHODS:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                f"{method}() needs `async with client.stream(...)`",
                f"a streamed response: `async with client.stream(...) as r` and"
                f" `async for ... in r.{STREAM_METHODS[method]}()`",
            )
        return updated

    @on_visit(cst.Module)
    def visit_stream_module(self, node: cst.Module) -> None:
        # Streamed requests rewritten in this file, and the lines of
        # ``resp = session.get(url, stream=True)`` statements.
        self.stream_calls = set()
        self.stream_lines = set()
        # ``stream=True`` requests whose response is used past its block.
        self.escaping_streams = set()
        # Original nodes a for loop or comprehension iterates, those next(), list(),
        # join()... read, and the iterators of streamed bodies used as values (ids
        # of the original calls -> their kind).
        self.stream_loops = set()
        self.stream_values = {}
        self.stream_readers = set()
        self.raw_copies = set()
        self.stream_encoded = set()  # ``.encode()`` giving str lines back as bytes
        # The client of each streamed one-off request (by the call's position).
        self.stream_clients = {}

    @on_visit(cst.FunctionDef)
    def visit_stream_function(self, node: cst.FunctionDef) -> None:
        self.escaping_streams |= escaping_streams(node, self.ctx.pos, streams)

    def _streamed(self, call: cst.Call) -> bool:
        """``stream=True`` on a request whose response stays in its block (one used
        past it is read whole, see stream_escapes)."""
        return streams(call) and self.ctx.pos(call) not in self.escaping_streams

    def _streamed_one_off(self, call: cst.Call) -> bool:
        """A one-off ``requests.get(url, stream=True)`` this part can carry: held by a
        ``with`` or assigned in a block (its rest goes into ``async with``)."""
        return id(call) in self.with_items or self.ctx.line(call) in self.stream_lines

    def _one_off_stream(
        self,
        original: cst.Call,
        updated: cst.Call,
        client: cst.Call,
        method: str,
        args: list[cst.Arg],
        line: int,
    ) -> cst.BaseExpression:
        """``requests.get(url, stream=True)`` -> ``http_client.stream("GET", url)``, its
        client opened in the same ``async with`` (see :meth:`_with_stream_clients`)."""
        self.stream_clients[self.ctx.pos(original)] = cst.WithItem(
            client, asname=cst.AsName(cst.Name(ONE_SHOT_CLIENT))
        )
        args = [a for a in args if not is_keyword(a, "cookies")]
        return self._stream_call(original, updated, cst.Name(ONE_SHOT_CLIENT), method, args, line)

    def _with_stream_clients(self, original: cst.With, updated: cst.With) -> cst.With:
        """``with requests.get(url, stream=True) as r:`` -> ``async with
        httpx.AsyncClient(...) as http_client, http_client.stream("GET", url) as r:``."""
        items: list[cst.WithItem] = []
        for old, new in zip(original.items, updated.items):
            client = self.stream_clients.get(self.ctx.pos(self.ctx.entered(old)))
            if client is not None:
                added = client.with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
                self.ctx.added_async_items.add(id(added))
                items.append(added)
            items.append(new)
        return updated.with_changes(items=items)

    def _visit_with_streams(self, node: cst.With) -> None:
        for item in node.items:
            call = self.ctx.entered(item)
            pos = self.ctx.pos(call) if call is not None else None
            edit = self.ctx.edits.http_calls.get(pos) if pos is not None else None
            native = edit is not None and edit.entry.name.endswith(".stream")
            if native and item.asname is not None and isinstance(item.asname.name, cst.Name):
                # ``with client.stream("GET", url) as r``: httpx's own response already.
                self.functions[-1].native_streams.add(item.asname.name.value)
            if (
                isinstance(call, cst.Call)
                and streams(call)
                and self.ctx.pos(call) in self.ctx.edits.http_calls
                and item.asname is not None
                and isinstance(item.asname.name, cst.Name)
            ):
                self.functions[-1].streams.add(item.asname.name.value)
                self.functions[-1].responses.add(item.asname.name.value)

    @on_visit(cst.For, cst.CompFor)
    def visit_stream_loop(self, node: cst.For | cst.CompFor) -> None:
        self.stream_loops.add(id(node.iter))

    @on_visit(cst.Assign)
    def visit_stream_iterator(self, node: cst.Assign) -> None:
        """``lines = r.iter_lines()``: ``lines`` is an async iterator from here on."""
        target = node.targets[0].target if len(node.targets) == 1 else None
        kind = self._iterator_kind(node.value)
        if kind is not None and isinstance(target, cst.Name):
            self.functions[-1].stream_iters[target.value] = kind
            self.stream_readers.add(id(node.value))

    @on_visit(cst.From)
    def visit_stream_yield_from(self, node: cst.From) -> None:
        self.stream_readers.add(id(node.item))

    def _stream_yield_from(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.For | None:
        """``yield from r.iter_lines()`` (no ``yield from`` in an async generator) ->
        ``async for line in r.aiter_lines(): yield line.encode()``."""
        source = original.body[0] if len(original.body) == 1 else None
        if not (
            isinstance(source, cst.Expr)
            and isinstance(source.value, cst.Yield)
            and isinstance(source.value.value, cst.From)
        ):
            return None
        kind = self._value_kind(source.value.value.item)
        made = cst.ensure_type(cst.ensure_type(updated.body[0], cst.Expr).value, cst.Yield)
        if kind is None or not isinstance(made.value, cst.From):
            return None
        listed = _listed(made.value.item, kind, self.functions[-1].local)
        item = cst.Expr(cst.Yield(listed.elt))
        return cst.For(
            target=listed.for_in.target,
            iter=listed.for_in.iter,
            body=cst.IndentedBlock([cst.SimpleStatementLine([item])]),
            asynchronous=cst.Asynchronous(),
            leading_lines=updated.leading_lines,
        )

    @on_visit(cst.Call)
    def visit_stream_reader(self, node: cst.Call) -> None:
        """The arguments ``next()``, ``list()``, ``join()``... read (see leave_stream_reader)."""
        name = dotted_name(node.func) or ""
        join = isinstance(node.func, cst.Attribute) and node.func.attr.value == "join"
        if name == "next" or name in READS_WHOLE or join:
            self.stream_readers.update(id(a.value) for a in node.args if a.keyword is None)

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        """``for line in r.iter_lines():`` over a streamed response -> ``async for``."""
        kind = self._iterator_kind(original.iter)
        iterator = self._stream_iterator(updated.iter, self.ctx.line(original))
        if isinstance(original.iter, cst.Name) and kind is not None:
            iterator = updated.iter
        if iterator is None:
            return updated
        updated = updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())
        return _lines_as_bytes(updated) if kind == "lines" else updated

    @on_leave(cst.CompFor)
    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        iterator = self._stream_iterator(updated.iter, self.ctx.line(original))
        if isinstance(original.iter, cst.Name) and self._iterator_kind(original.iter):
            iterator = updated.iter
        if iterator is None:
            return updated
        return updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())

    def _iterator_kind(self, expr: cst.BaseExpression) -> str | None:
        """What a streamed body's iterator yields, for an original expression that
        is one (``r.iter_lines()``, or a name bound to one): "lines" where requests
        yielded bytes and httpx yields str, "str lines" (decoded in both) or
        "chunks"; None for anything else."""
        if not self.ctx.in_async:
            return None
        if isinstance(expr, cst.Name):
            return self.functions[-1].stream_iters.get(expr.value)
        if self._native_iterator(expr) is not None:
            return "str lines" if expr.func.attr.value in ("iter_lines", "iter_text") else "chunks"  # type: ignore[attr-defined]
        if not (
            isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in self.functions[-1].streams
            and expr.func.attr.value in STREAM_METHODS
        ):
            return None
        if expr.func.attr.value != "iter_lines":
            return "chunks"
        decoded = any(is_keyword(a, "decode_unicode") for a in expr.args)
        return "str lines" if decoded else "lines"

    def _value_kind(self, expr: cst.BaseExpression) -> str | None:
        """The kind of a streamed body's iterator used as a value (see _stream_method)."""
        if isinstance(expr, cst.Name):
            return self._iterator_kind(expr)
        return self.stream_values.get(id(expr))

    @on_leave(cst.Call)
    def leave_stream_reader(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """A streamed body's iterator read outside a loop: ``next(it)`` -> ``await
        anext(it)``, ``list(it)``, ``b"".join(it)``... -> a list made with ``async
        for``; str lines back to the bytes requests gave (``.encode()``), unless
        the code decoded them (``next(it).decode()``) or parses them as JSON."""
        if not isinstance(updated, cst.Call) or not self.ctx.in_async:
            return updated
        func = updated.func
        if (
            isinstance(func, cst.Attribute)
            and not updated.args
            and func.attr.value == "decode"
            and id(func.value) in self.stream_encoded
        ):
            return _unencoded(func.value)
        name = dotted_name(original.func) or ""
        if (
            name == "json.loads"
            and updated.args
            and id(updated.args[0].value) in self.stream_encoded
        ):
            unwrapped = _unencoded(updated.args[0].value)
            return updated.with_changes(args=[updated.args[0].with_changes(value=unwrapped)])
        if name == "next" and original.args:
            return self._next_item(original, updated)
        whole = name in READS_WHOLE or (
            isinstance(func, cst.Attribute) and func.attr.value == "join"
        )
        if not whole:
            return updated
        args = list(updated.args)
        for index, (old, new) in enumerate(zip(original.args, updated.args)):
            kind = self._value_kind(old.value)
            if kind is None or old.keyword is not None or old.star:
                continue
            listed = _listed(new.value, kind)
            if name == "list" and len(args) == 1:
                return listed
            args[index] = new.with_changes(value=listed)
        return updated.with_changes(args=args)

    @on_leave(cst.Try)
    def leave_stream_try(self, original: cst.Try, updated: cst.Try) -> cst.Try:
        """``except StopIteration:`` around a ``next()`` that became ``await anext()``,
        which raises StopAsyncIteration."""
        anext = m.Await(m.Call(func=m.Name("anext")))
        if not self.ctx.in_async or len(m.findall(updated.body, anext)) == len(
            m.findall(original.body, anext)
        ):
            return updated
        renamed = m.Name("StopIteration")
        handlers = [
            h.with_changes(type=m.replace(h.type, renamed, cst.Name("StopAsyncIteration")))
            if h.type is not None
            else h
            for h in updated.handlers
        ]
        return updated.with_changes(handlers=handlers)

    def _next_item(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """``next(it[, default])`` of a streamed body's iterator -> ``await anext(...)``."""
        kind = self._value_kind(original.args[0].value)
        if kind is None:
            return updated
        item: cst.BaseExpression = cst.Await(updated.with_changes(func=cst.Name("anext")))
        if kind != "lines" or id(original) in self._statement_calls:
            return item
        if len(updated.args) > 1:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "anext() gives a str line where next() gave bytes",
            )
            return item
        item = cst.Call(
            cst.Attribute(
                item.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
                cst.Name("encode"),
            )
        )
        self.stream_encoded.add(id(item))
        return item

    @on_leave(cst.ListComp, cst.SetComp, cst.GeneratorExp)
    def leave_line_comprehension(
        self,
        original: cst.ListComp | cst.SetComp | cst.GeneratorExp,
        updated: cst.ListComp | cst.SetComp | cst.GeneratorExp,
    ) -> cst.BaseExpression:
        """``[line.decode() for line in r.iter_lines()]``: the lines are str now."""
        if not (
            isinstance(updated, cst.ListComp | cst.SetComp | cst.GeneratorExp)  # not gathered
            and updated.for_in.asynchronous
            and isinstance(updated.for_in.target, cst.Name)
            and self._iterator_kind(original.for_in.iter) == "lines"
        ):
            return updated
        name = updated.for_in.target.value
        uses, safe = _line_uses(name, updated.elt, *updated.for_in.ifs)
        if uses == 0:
            return updated
        if uses != safe:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "aiter_lines() yields str where iter_lines() yielded bytes",
            )
            return updated
        ifs = [_without_decode(name, each) for each in updated.for_in.ifs]
        return updated.with_changes(
            elt=_without_decode(name, updated.elt), for_in=updated.for_in.with_changes(ifs=ifs)
        )

    def _native_iterator(self, expr: cst.BaseExpression) -> cst.Call | None:
        """``r.iter_bytes()`` of a sync httpx client's streamed response, as its async
        twin (``r.aiter_bytes()``, the same arguments)."""
        if not (
            self.ctx.in_async
            and isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in self.functions[-1].native_streams
            and expr.func.attr.value in NATIVE_STREAM_METHODS
        ):
            return None
        twin = NATIVE_STREAM_METHODS[expr.func.attr.value]
        return expr.with_changes(func=expr.func.with_changes(attr=cst.Name(twin)))

    def _stream_iterator(self, expr: cst.BaseExpression, line: int) -> cst.BaseExpression | None:
        native = self._native_iterator(expr)
        if native is not None:
            return native
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
            positional = [a for a in expr.args if a.keyword is None]
            if len(positional) > 2 or any(is_keyword(a, "delimiter") for a in expr.args):
                self.ctx.todo(
                    line,
                    self.code,
                    "aiter_lines() splits at line ends only: split at the delimiter",
                )
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
        if method not in ("request", "stream"):  # ``stream`` (httpx's) names its method
            args = [cst.Arg(cst.SimpleString(f'"{method.upper()}"')), *args]
        self.stream_calls.add(self.ctx.pos(original))
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, "streamed request -> async with client.stream(...)")
        return self._method_call(call, receiver, "stream", args)

    @on_visit(cst.SimpleStatementLine)
    def visit_raw_copy(self, node: cst.SimpleStatementLine) -> None:
        """``shutil.copyfileobj(r.raw, f)``: see leave_raw_copy."""
        copied = _raw_copy(node, self.functions[-1].streams)
        if copied is not None and self.ctx.in_async:
            self.raw_copies.add(id(copied.value))

    @on_leave(cst.SimpleStatementLine)
    def leave_raw_copy(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        """``shutil.copyfileobj(r.raw, f)`` -> ``async for chunk in r.aiter_raw():
        f.write(chunk)``: requests' raw file gave the body undecoded, as
        ``aiter_raw()`` does."""
        copied = _raw_copy(original, self.functions[-1].streams)
        if copied is None or id(copied.value) not in self.raw_copies:
            return updated
        dst = cst.ensure_type(cst.ensure_type(updated.body[0], cst.Expr).value, cst.Call).args[1]
        loop = cst.parse_statement(
            f"async for chunk in {cst.ensure_type(copied.value, cst.Name).value}.aiter_raw():\n"
            f"    {code_of(dst.value)}.write(chunk)\n"
        )
        self.ctx.note(self.code, self.ctx.line(original), "copyfileobj(r.raw) -> aiter_raw()")
        self.ctx.maybe_remove_import("shutil")
        return cst.FlattenSentinel([loop.with_changes(leading_lines=updated.leading_lines)])

    @on_leave(cst.Attribute)
    def leave_stream_raw(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``r.raw`` of a streamed response is urllib3's file object: httpx has none."""
        owner = original.value
        if id(owner) in self.raw_copies:
            return updated
        if original.attr.value == "raw" and isinstance(owner, cst.Name):
            if owner.value in self.functions[-1].streams:
                self.ctx.todo(
                    self.ctx.line(original),
                    self.code,
                    f"{owner.value}.raw is urllib3's file:"
                    f" `async for b in {owner.value}.aiter_raw()`",
                    "httpx has no file object for the body; aiter_raw() yields its bytes undecoded",
                )
            elif owner.value in self.functions[-1].responses:
                # A response read whole (one handed back by a function that streamed it).
                self.ctx.todo(
                    self.ctx.line(original),
                    self.code,
                    f"{owner.value}.raw is urllib3's file:"
                    f" httpx read the body, {owner.value}.content",
                    "httpx has no file object for the body; .content holds it, decoded",
                )
        return updated

    def _stream_method(
        self, original: cst.Call, updated: cst.Call, owner: str, method: str
    ) -> cst.BaseExpression:
        line = self.ctx.line(original)
        native = owner in self.functions[-1].native_streams
        if native and method in NATIVE_STREAM_READS and self.ctx.in_async:
            twin = NATIVE_STREAM_READS[method]  # ``r.read()`` -> ``await r.aread()``
            return cst.Await(
                updated.with_changes(func=cst.Attribute(cst.Name(owner), cst.Name(twin)))
            )
        iterators = NATIVE_STREAM_METHODS if native else STREAM_METHODS
        if method in iterators and id(original) not in self.stream_loops:
            # Read outside a loop: next(), list(), join() or a name take it (see
            # leave_stream_reader and leave_For).
            iterator = self._stream_iterator(updated, line)
            kind = self._iterator_kind(original)
            if iterator is not None and kind is not None and id(original) in self.stream_readers:
                self.stream_values[id(original)] = kind
                return iterator
            if iterator is not None:
                self.ctx.todo(
                    line,
                    self.code,
                    f"read {owner}.{iterators[method]}() with `async for`",
                    f"{method}() of a streamed httpx response raises RuntimeError in async"
                    " code; its async twin is an async iterator",
                )
        if method == "close" and self.ctx.in_async:
            return cst.Await(
                updated.with_changes(func=cst.Attribute(cst.Name(owner), cst.Name("aclose")))
            )
        if method == "json" and not native:  # a sync client's stream was read first too
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
            items = [cst.WithItem(assign.value, asname=cst.AsName(target))]
            original_stmt = original.body[index]
            if isinstance(original_stmt, cst.SimpleStatementLine) and isinstance(
                original_stmt.body[0], cst.Assign
            ):
                client = self.stream_clients.get(self.ctx.pos(original_stmt.body[0].value))
                if client is not None:
                    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                    items.insert(0, client.with_changes(comma=comma))
            block = cst.With(
                items=items,
                body=cst.IndentedBlock(rest),
                asynchronous=cst.Asynchronous() if self.ctx.in_async else None,
                leading_lines=new.leading_lines,
            )
            return [*body[:index], block]
        return body


def _unencoded(encoded: cst.BaseExpression) -> cst.BaseExpression:
    """``(await anext(it))`` of ``(await anext(it)).encode()``, without its brackets."""
    func = cst.ensure_type(cst.ensure_type(encoded, cst.Call).func, cst.Attribute)
    return func.value.with_changes(lpar=[], rpar=[])


def _listed(iterator: cst.BaseExpression, kind: str, taken: Collection[str] = ()) -> cst.ListComp:
    """``[line.encode() async for line in iterator]``: its items, as requests gave them
    (the item named apart from ``taken`` and the iterator)."""
    item = "line" if kind.endswith("lines") else "chunk"
    while item in taken or (isinstance(iterator, cst.Name) and iterator.value == item):
        item += "_"
    elt = cst.parse_expression(f"{item}.encode()" if kind == "lines" else item)
    loop = cst.CompFor(target=cst.Name(item), iter=iterator, asynchronous=cst.Asynchronous())
    return cst.ListComp(elt=elt, for_in=loop)


def _lines_as_bytes(loop: cst.For) -> cst.For:
    """requests' ``iter_lines()`` yields bytes, httpx's ``aiter_lines()`` str.

    A body that only decodes the line (or tests it, or parses it as JSON)
    loses the ``.decode()``; any other use gets the bytes it had
    (``line = line.encode()``), so slicing, ``b"..."`` comparisons and writes
    to binary files keep working.
    """
    if not isinstance(loop.target, cst.Name) or not isinstance(loop.body, cst.IndentedBlock):
        return loop
    name = loop.target.value
    uses, safe = _line_uses(name, loop.body)
    if uses == 0:
        return loop
    if uses == safe:
        return loop.with_changes(body=_without_decode(name, loop.body))
    encode = cst.parse_statement(f"{name} = {name}.encode()")
    return loop.with_changes(body=loop.body.with_changes(body=[encode, *loop.body.body]))


def _line_uses(name: str, *nodes: cst.CSTNode) -> tuple[int, int]:
    """How often ``name`` is read in ``nodes``, and how often in a way a str
    serves as well as bytes did once ``.decode()`` goes."""
    var = m.Name(name)
    safe_uses = (
        m.Call(func=m.Attribute(value=var, attr=m.Name("decode"))),
        m.UnaryOperation(operator=m.Not(), expression=var),
        m.If(test=var),
        m.CompIf(test=var),
        m.Call(func=m.Attribute(m.Name("json"), m.Name("loads")), args=[m.Arg(var)]),
    )
    uses = safe = 0
    for node in nodes:
        uses += len(m.findall(node, var)) - len(m.findall(node, m.Attribute(attr=var)))
        safe += sum(len(m.findall(node, pattern)) for pattern in safe_uses)
    return uses, safe


def _without_decode(name: str, node: _Node) -> _Node:
    """``node`` with ``name.decode(...)`` read as ``name`` (a str already)."""
    decode = m.Call(func=m.Attribute(value=m.Name(name), attr=m.Name("decode")))
    return cast(_Node, m.replace(node, decode, lambda _, __: cst.Name(name)))


def _raw_copy(stmt: cst.SimpleStatementLine, streams: Collection[str]) -> cst.Attribute | None:
    """``r.raw`` of ``shutil.copyfileobj(r.raw, f)`` with ``r`` a streamed response."""
    if len(stmt.body) != 1 or not isinstance(stmt.body[0], cst.Expr):
        return None
    call = stmt.body[0].value
    if not isinstance(call, cst.Call) or len(call.args) != 2 or any(a.keyword for a in call.args):
        return None
    if (dotted_name(call.func) or "").rpartition(".")[2] != "copyfileobj":
        return None
    raw = call.args[0].value
    if (
        isinstance(raw, cst.Attribute)
        and raw.attr.value == "raw"
        and isinstance(raw.value, cst.Name)
        and raw.value.value in streams
    ):
        return raw
    return None


def _read_body_iterated(call: cst.Call, response: cst.Name) -> cst.BaseExpression | None:
    """A body read whole (no ``stream=True``) iterated as requests iterates it:
    ``r.iter_lines()`` -> ``r.content.splitlines()`` (bytes lines, where httpx's
    ``iter_lines()`` gives str), ``r.iter_content(n)`` -> ``r.iter_bytes(n)``
    (requests' chunks are 1 byte unless given). None for other arguments
    (``delimiter=``, ``decode_unicode=True``: requests decodes only when the
    headers name a charset)."""
    assert isinstance(call.func, cst.Attribute)
    method = call.func.attr.value
    if method not in STREAM_METHODS:
        return None
    given: dict[str, cst.BaseExpression] = {}
    for index, arg in enumerate(call.args):
        if arg.star:
            return None
        name = arg.keyword.value if arg.keyword else ("chunk_size", "decode_unicode")[index]
        given[name] = arg.value
    if set(given) - {"chunk_size", "decode_unicode"}:
        return None
    if not m.matches(given.get("decode_unicode", cst.Name("False")), m.Name("False")):
        return None  # requests decodes only with a charset the headers name: a TODO
    if method == "iter_lines":
        body = cst.Attribute(response, cst.Name("content"))
        return cst.Call(cst.Attribute(body, cst.Name("splitlines")))
    chunk = given.get("chunk_size", cst.Integer("1"))
    return cst.Call(cst.Attribute(response, cst.Name("iter_bytes")), [cst.Arg(chunk)])
