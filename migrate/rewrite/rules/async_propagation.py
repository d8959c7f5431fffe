"""MIG003 async-propagation: ``def`` -> ``async def``, ``await`` at every caller.

The plan colours every function that reaches a blocking call with an async
twin; this rule makes those functions ``async def`` (Flask views, error
handlers and hooks included: Flask runs them on an event loop), awaits every
call of them from async code, and turns iteration over an async generator
into ``async for``. Decorator wrappers (``functools.wraps``) around async
functions become async too, which makes project view decorators async-aware.
A memoiser (``functools.lru_cache``/``cache``, ``cachetools.cached``) on a
function that becomes async would cache a coroutine: it becomes the
package's ``async_memo`` helper, which caches results and shares a call in
flight, with the same size, cache and key.
"""

from __future__ import annotations

import libcst as cst

from ...analyse.frameworks import ASYNC_MEMOISERS
from .base import Rule, on_leave


def await_(expr: cst.BaseExpression) -> cst.Await:
    return cst.Await(expression=expr)


class AsyncPropagation(Rule):
    code = "MIG003"
    name = "async-propagation"
    summary = "def -> async def for every function that now awaits; await at every call site"

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.asynchronous is None and self.ctx.qualname in self.ctx.edits.async_functions:
            self.ctx.note(self.code, self.ctx.line(original), f"async def {original.name.value}")
            if original.name.value == "__init__":
                # __init__ cannot await: the class is made by ``await C.create(...)``.
                updated = updated.with_changes(name=cst.Name(ASYNC_INIT))
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.ClassDef)
    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if self.ctx.qualname not in self.ctx.edits.factories:
            return updated
        body = list(updated.body.body)
        at, init = next(
            (i, stmt)
            for i, stmt in enumerate(body)
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == ASYNC_INIT
        )
        factory = cst.parse_statement(_FACTORY.format(cls=original.name.value, init=ASYNC_INIT))
        body[at] = init.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        body.insert(at, factory.with_changes(leading_lines=init.leading_lines))
        self.ctx.note(self.code, self.ctx.line(original), f"await {original.name.value}.create()")
        return updated.with_changes(body=updated.body.with_changes(body=body))

    @on_leave(cst.Decorator)
    def leave_Decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        pos = self.ctx.pos(original.decorator)
        memoiser = self.ctx.edits.async_memos.get(pos) if pos else None
        if memoiser is None:
            return updated
        module, _, name = memoiser.rpartition(".")
        self.ctx.maybe_remove_import(module)
        self.ctx.maybe_remove_import(module, name)
        return updated.with_changes(
            decorator=_async_memo(self.ctx.use_helper("async_memo"), memoiser, updated.decorator)
        )

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        init = self.ctx.edits.init_calls.get(pos) if pos else None
        if init is not None and isinstance(updated, cst.Call):
            updated = updated.with_changes(func=_initialiser(updated.func, init))
        if pos in self.ctx.edits.awaits and self.ctx.in_async:
            return await_(updated)
        return updated

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.CompFor)
    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated


# What ``__init__`` becomes when it awaits, and the factory that calls it.
ASYNC_INIT = "_async_init"
_FACTORY = '''\
@classmethod
async def create(cls, *args, **kwargs):
    """Make a {cls}: ``await {cls}.create(...)`` takes what ``{cls}(...)`` took."""
    self = cls.__new__(cls)
    await self.{init}(*args, **kwargs)
    return self
'''


def _initialiser(func: cst.BaseExpression, kind: str) -> cst.BaseExpression:
    """``C`` -> ``C.create``; ``super().__init__`` -> ``super()._async_init``."""
    if kind == "super" and isinstance(func, cst.Attribute):
        return func.with_changes(attr=cst.Name(ASYNC_INIT))
    return cst.Attribute(value=func, attr=cst.Name("create"))


def _async_memo(helper: str, memoiser: str, decorator: cst.BaseExpression) -> cst.Call:
    """``@lru_cache(32)`` -> ``@async_memo(maxsize=32)``; ``@cached(c)`` -> ``cache=c``."""
    if memoiser == "functools.cache":
        return cst.Call(
            cst.Name(helper), [cst.Arg(cst.Name("None"), keyword=cst.Name("maxsize"), equal=_EQUAL)]
        )
    args = list(decorator.args) if isinstance(decorator, cst.Call) else []
    first = ASYNC_MEMOISERS[memoiser][0] if ASYNC_MEMOISERS[memoiser] else ""
    carried = [
        arg.with_changes(keyword=cst.Name(first), equal=_EQUAL) if arg.keyword is None else arg
        for arg in args
    ]
    if carried:
        carried[-1] = carried[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return cst.Call(cst.Name(helper), carried)


_EQUAL = cst.AssignEqual(
    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
)
