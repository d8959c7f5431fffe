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

from collections.abc import Sequence

import libcst as cst
import libcst.matchers as m

from ...analyse.frameworks import ASYNC_POST_INIT
from ..context import RuleContext
from ..generator_types import async_generator_returns, yields
from ..nodes import code_of, dotted_name
from .async_factory import ASYNC_INIT, POST_INIT_FACTORY, factory_method
from .base import on_leave, on_visit
from .memo_decorators import async_memo
from .named_reads import named_read
from .raises_sites import RaisesSites
from .twin_sites import TwinSites


def await_(expr: cst.BaseExpression) -> cst.Await:
    return cst.Await(expression=expr)


class AsyncPropagation(TwinSites, RaisesSites):
    code = "MIG003"
    name = "async-propagation"
    summary = "def -> async def for every function that now awaits; await at every call site"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        # Names used in each function being rewritten (for a fresh loop variable).
        self.names: list[set[str]] = []
        # Per simple statement being rewritten: the generators it takes one item of
        # that ``aclosing`` closes around it (their name, the call).
        self.closed: list[list[tuple[str, cst.BaseExpression]]] = []
        self.module_names: set[str] = set()  # every name the module uses

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if self.names:
            self.names.pop()
        if original.asynchronous is None and self.ctx.qualname in self.ctx.edits.async_functions:
            self.ctx.note(self.code, self.ctx.line(original), f"async def {original.name.value}")
            if original.name.value == "__init__":
                # __init__ cannot await: the class is made by ``await C.create(...)``.
                updated = updated.with_changes(name=cst.Name(ASYNC_INIT))
            new_name = self.ctx.edits.renamed.get(self.ctx.qualname)
            if new_name is not None:
                updated = updated.with_changes(name=cst.Name(new_name))
            kind = self.ctx.edits.async_properties.get(self.ctx.qualname)
            if kind is not None:
                updated = updated.with_changes(decorators=self._unproperty(updated, kind))
            updated = updated.with_changes(decorators=self._async_cm(updated.decorators))
            if yields(original):  # an async generator (``@asynccontextmanager``'s too)
                returns = async_generator_returns(updated.returns, self.ctx)
                updated = updated.with_changes(returns=returns)
            return updated.with_changes(asynchronous=cst.Asynchronous())
        if self.ctx.qualname in self.ctx.edits.async_iterator_returns:
            returns = async_generator_returns(updated.returns, self.ctx)
            updated = updated.with_changes(returns=returns)
        new_name = self.ctx.edits.renamed.get(self.ctx.qualname)
        if new_name is not None:
            # ``__iter__`` -> ``__aiter__``: an async iterator's, still sync.
            return updated.with_changes(name=cst.Name(new_name))
        return updated

    def _async_cm(self, decorators: Sequence[cst.Decorator]) -> list[cst.Decorator]:
        """``@contextmanager`` -> ``@asynccontextmanager`` (the generator awaits now)."""
        out = []
        for decorator in decorators:
            text = dotted_name(decorator.decorator)
            if text == "contextlib.contextmanager":
                decorator = decorator.with_changes(
                    decorator=cst.parse_expression("contextlib.asynccontextmanager")
                )
            elif text == "contextmanager":
                self.ctx.add_import("contextlib", "asynccontextmanager")
                self.ctx.maybe_remove_import("contextlib", "contextmanager")
                decorator = decorator.with_changes(decorator=cst.Name("asynccontextmanager"))
            out.append(decorator)
        return out

    def _unproperty(self, node: cst.FunctionDef, kind: str) -> list[cst.Decorator]:
        """``@property`` goes; ``@cached_property`` becomes ``@cached_result``."""
        kept = []
        for decorator in node.decorators:
            text = dotted_name(decorator.decorator) or ""
            if text.rpartition(".")[2] != kind:
                kept.append(decorator)
            elif kind == "cached_property":
                self.ctx.maybe_remove_import("functools")
                self.ctx.maybe_remove_import("functools", "cached_property")
                helper = cst.Name(self.ctx.use_helper("cached_result"))
                kept.append(decorator.with_changes(decorator=helper))
        return kept

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        # ``obj.name`` of a property that became an async method.
        pos = self.ctx.pos(original)
        if self.ctx.in_async and pos in self.ctx.edits.property_reads:
            twin = self.ctx.edits.twin_reads.get(pos) if pos else None
            if twin is not None and isinstance(updated, cst.Attribute):
                updated = updated.with_changes(attr=cst.Name(twin))  # ``obj.aversion``
            return await_(cst.Call(func=updated))
        return updated

    @on_leave(cst.With)
    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        # ``with C() as c`` where C's __enter__/__exit__ became __aenter__/__aexit__.
        entered = [
            item for item in original.items if self.ctx.pos(item.item) in self.ctx.edits.async_withs
        ]
        if entered and self.ctx.in_async:
            for item in entered:
                self.ctx.entered_async(item)
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.ClassDef)
    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        post_init = self.ctx.qualname in self.ctx.edits.post_init_factories
        if self.ctx.qualname not in self.ctx.edits.factories and not post_init:
            return updated
        init = ASYNC_POST_INIT if post_init else ASYNC_INIT
        body = list(updated.body.body)
        at, init_def = next(
            (i, stmt)
            for i, stmt in enumerate(body)
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == init
        )
        name = original.name.value
        if post_init:
            factory = cst.parse_statement(POST_INIT_FACTORY.format(cls=name, init=init))
        else:
            assert isinstance(init_def, cst.FunctionDef)
            forwarding = self.ctx.qualname in self.ctx.edits.forwarding_factories
            factory = factory_method(name, init_def, forwarding)
        body[at] = init_def.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        body.insert(at, factory.with_changes(leading_lines=init_def.leading_lines))
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
            decorator=async_memo(self.ctx.use_helper("async_memo"), memoiser, updated.decorator)
        )

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        prefix = self.ctx.edits.named_reads.get(pos) if pos else None
        if prefix is not None and self.ctx.in_async and isinstance(updated, cst.Call):
            return await_(named_read(updated, prefix))
        if pos in self.ctx.edits.aclosings and isinstance(updated, cst.Call):
            return self._aclosing(updated)
        init = self.ctx.edits.init_calls.get(pos) if pos else None
        if init is not None and isinstance(updated, cst.Call):
            updated = updated.with_changes(func=_initialiser(updated.func, init))
        new_name = self.ctx.edits.renamed_calls.get(pos) if pos else None
        if new_name is not None and isinstance(updated, cst.Call):
            if isinstance(updated.func, cst.Attribute):
                updated = updated.with_changes(
                    func=updated.func.with_changes(attr=cst.Name(new_name))
                )
        if pos in self.ctx.edits.awaits and self.ctx.in_async:
            return await_(updated)
        wrapper = self.ctx.edits.async_wrappers.get(pos) if pos else None
        if wrapper is not None and self.ctx.in_async and isinstance(updated, cst.Call):
            # ``islice(g(), n)`` -> ``aislice(g(), n)``: takes an async generator's items.
            if isinstance(original.func, cst.Attribute):
                self.ctx.maybe_remove_import(code_of(original.func.value))
            else:
                self.ctx.maybe_remove_import("itertools", code_of(original.func))
            return updated.with_changes(func=cst.Name(self.ctx.use_helper(wrapper)))
        if self.ctx.in_async and isinstance(updated, cst.Call):
            return self._consumer(original, updated)
        return updated

    @on_leave(cst.Raise)
    def leave_Raise(self, original: cst.Raise, updated: cst.Raise) -> cst.Raise:
        """``raise StopIteration`` -> ``raise StopAsyncIteration``: an async iterator's end."""
        if self.ctx.pos(original) not in self.ctx.edits.stop_raises:
            return updated
        return updated.with_changes(exc=cst.Name("StopAsyncIteration"), cause=None)

    @on_leave(cst.ExceptHandler)
    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        """``except StopIteration`` around ``await anext(...)``: ``StopAsyncIteration``."""
        if original.type is None or self.ctx.pos(original.type) not in self.ctx.edits.stop_handlers:
            return updated
        return updated.with_changes(type=cst.Name("StopAsyncIteration"))

    @on_leave(cst.Name)
    def leave_stop_expected(
        self, original: cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``pytest.raises(StopIteration)`` around a call that ends an async iterator now."""
        if (
            original.value == "StopIteration"
            and self.ctx.pos(original) in self.ctx.edits.stop_handlers
        ):
            return cst.Name("StopAsyncIteration")
        return updated

    @on_leave(cst.Subscript)
    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``pages[name]`` -> ``await pages[name]``: its ``__getitem__`` became async."""
        if self.ctx.pos(original) in self.ctx.edits.awaits and self.ctx.in_async:
            return await_(updated)
        return updated

    def _aclosing(self, call: cst.Call) -> cst.Call:
        """``closing(x)`` -> ``aclosing(x)``: x's close became ``aclose``."""
        if isinstance(call.func, cst.Attribute):
            return call.with_changes(func=call.func.with_changes(attr=cst.Name("aclosing")))
        self.ctx.maybe_remove_import("contextlib", "closing")
        self.ctx.add_import("contextlib", "aclosing")
        return call.with_changes(func=cst.Name("aclosing"))

    def _consumer(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """An async generator handed to a builtin that takes its items.

        ``list(g())`` -> ``[item async for item in g()]``, ``next(g())`` -> ``await anext(g())``.
        """
        if _iter_of_one(original):
            given = self.ctx.pos(original.args[0].value) or (0, 0, 0, 0)
            if self.ctx.edits.async_consumers.get(given) == NEXT:
                return updated  # ``next(iter(g()))``: ``next`` takes g()'s items (below)
        for at, arg in enumerate(original.args):
            value = arg.value
            if at == 0 and _iter_of_one(value):
                value = cst.ensure_type(value, cst.Call).args[0].value
            taken_by = self.ctx.edits.async_consumers.get(self.ctx.pos(value) or (0, 0, 0, 0))
            if taken_by is None or arg.keyword is not None or arg.star:
                continue
            if taken_by == NEXT:
                # An async generator is its own async iterator: ``iter()`` goes.
                first = updated.args[0]
                if _iter_of_one(first.value):
                    inner = cst.ensure_type(first.value, cst.Call).args[0].value
                    first = first.with_changes(value=inner)
                first = first.with_changes(value=self._either(value, first.value))
                if self.ctx.pos(value) in self.ctx.edits.closed_nexts and self.closed:
                    taken = self.module_names | {n for n, _ in self.closed[-1]}
                    name = _fresh("gen", taken | (self.names[-1] if self.names else set()))
                    self.closed[-1].append((name, first.value))
                    first = first.with_changes(value=cst.Name(name))
                args = [first, *updated.args[1:]]
                return await_(updated.with_changes(func=cst.Name("anext"), args=args))
            items = _async_items(self._either(value, updated.args[at].value), taken_by)
            if taken_by in COMPREHENSIONS and len(updated.args) == 1:
                return items
            args = list(updated.args)
            args[at] = args[at].with_changes(value=items)
            return updated.with_changes(args=args)
        return updated

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.names.append({n.value for n in _names(node)})

    @on_leave(cst.IndentedBlock)
    def leave_named_lambdas(
        self, original: cst.IndentedBlock, updated: cst.BaseSuite
    ) -> cst.BaseSuite:
        """``get = lambda u: ...`` whose nested function (see analyse.named_lambdas) became
        async: ``async def get(u): return ...``, a lambda cannot await."""
        if not isinstance(updated, cst.IndentedBlock):
            return updated
        # Not zipped with the original's: other rules may have split a statement (a gather).
        body = [self._named_lambda(s) for s in updated.body]
        for at, stmt in enumerate(body[1:], 1):
            made = body[at - 1] is not updated.body[at - 1]
            if made and isinstance(body[at - 1], cst.FunctionDef) and not _leading(stmt):
                body[at] = stmt.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        return updated.with_changes(body=body)

    def _named_lambda(self, updated: cst.BaseStatement) -> cst.BaseStatement:
        if (
            isinstance(updated, cst.With)
            and isinstance(updated.body, cst.IndentedBlock)
            and len(updated.body.body) == 1
        ):
            # The client of a one-off request in it, made for the statement: the
            # request is made when the function runs, so the client goes inside it.
            nested = self._named_lambda(updated.body.body[0])
            if isinstance(nested, cst.FunctionDef):
                inner = updated.with_changes(body=nested.body, leading_lines=())
                return nested.with_changes(
                    body=cst.IndentedBlock([inner]), leading_lines=updated.leading_lines
                )
            return updated
        small = updated.body[0] if isinstance(updated, cst.SimpleStatementLine) else None
        if not (
            isinstance(updated, cst.SimpleStatementLine)
            and len(updated.body) == 1
            and isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and isinstance(small.value, cst.Lambda)
        ):
            return updated
        name = small.targets[0].target.value
        if f"{self.ctx.qualname}.{name}" not in self.ctx.edits.async_functions:
            return updated
        self.ctx.note(self.code, self.ctx.line(updated), f"async def {name} (was a lambda)")
        returned = cst.SimpleStatementLine(
            [cst.Return(small.value.body)], trailing_whitespace=updated.trailing_whitespace
        )
        return cst.FunctionDef(
            cst.Name(name),
            small.value.params,
            cst.IndentedBlock([returned]),
            asynchronous=cst.Asynchronous(),
            leading_lines=updated.leading_lines,
        )

    @on_visit(cst.Module)
    def visit_Module(self, node: cst.Module) -> None:
        self.module_names = {n.value for n in _names(node)}

    @on_visit(cst.SimpleStatementLine)
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.closed.append([])

    @on_leave(cst.SimpleStatementLine)
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement:
        """``yield from x`` cannot stand in an async generator: ``for item in x: yield item``.
        ``await anext(g())`` of a generator holding something across a yield: inside
        ``async with aclosing(g()) as items:`` (see FileEdits.closed_nexts)."""
        closed = self.closed.pop() if self.closed else []
        if closed:
            self.ctx.add_import("contextlib", "aclosing")
            items = [
                cst.WithItem(
                    cst.Call(cst.Name("aclosing"), [cst.Arg(gen)]), cst.AsName(cst.Name(n))
                )
                for n, gen in closed
            ]
            inner = updated.with_changes(leading_lines=())
            return cst.With(
                items,
                cst.IndentedBlock([inner]),
                asynchronous=cst.Asynchronous(),
                leading_lines=updated.leading_lines,
            )
        if not self.ctx.in_async or not self.names:
            return updated
        if isinstance(updated, cst.With) and isinstance(updated.body, cst.IndentedBlock):
            # ``yield from session.get(u).json()`` inside the client made for it.
            inner = updated.body.body
            if len(inner) == 1 and isinstance(inner[0], cst.SimpleStatementLine):
                loop = self._unrolled(original, inner[0])
                return updated.with_deep_changes(updated.body, body=[loop])
        if isinstance(updated, cst.SimpleStatementLine):
            return self._unrolled(original, updated)
        return updated

    def _unrolled(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement:
        """``yield from x`` -> ``for item in x: yield item`` (``async for`` if x is async)."""
        small = updated.body[0] if len(updated.body) == 1 else None
        if not (
            isinstance(small, cst.Expr)
            and isinstance(small.value, cst.Yield)
            and isinstance(small.value.value, cst.From)
        ):
            return updated
        source = original.body[0]
        assert isinstance(source, cst.Expr) and isinstance(source.value, cst.Yield)
        assert isinstance(source.value.value, cst.From)
        is_async = self.ctx.pos(source.value.value.item) in self.ctx.edits.async_iterations
        name = _fresh("item", self.names[-1])
        return cst.For(
            target=cst.Name(name),
            iter=small.value.value.item,
            body=cst.IndentedBlock(
                [cst.SimpleStatementLine([cst.Expr(cst.Yield(cst.Name(name)))])]
            ),
            asynchronous=cst.Asynchronous() if is_async else None,
            leading_lines=updated.leading_lines,
        )

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            iterated = self._either(original.iter, updated.iter)
            return updated.with_changes(iter=iterated, asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.CompFor)
    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            iterated = self._either(original.iter, updated.iter)
            return updated.with_changes(iter=iterated, asynchronous=cst.Asynchronous())
        return updated

    def _either(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``async_iter(items)`` where ``items`` may be an async iterator or a plain
        iterable (see analyse/either_iterables.py), else ``updated`` as it is."""
        if self.ctx.pos(original) not in self.ctx.edits.either_iterables:
            return updated
        return cst.Call(cst.Name(self.ctx.use_helper("async_iter")), [cst.Arg(updated)])


NEXT = "builtins.next"
# Builtins whose call is replaced by the comprehension itself.
COMPREHENSIONS = frozenset({"builtins.list", "builtins.set"})


def _async_items(iterable: cst.BaseExpression, taken_by: str) -> cst.BaseExpression:
    """``[item async for item in <iterable>]`` (a set comprehension for ``set``)."""
    for_in = cst.CompFor(target=cst.Name("item"), iter=iterable, asynchronous=cst.Asynchronous())
    if taken_by == "builtins.set":
        return cst.SetComp(elt=cst.Name("item"), for_in=for_in)
    return cst.ListComp(elt=cst.Name("item"), for_in=for_in)


def _names(node: cst.CSTNode) -> list[cst.Name]:
    return m.findall(node, m.Name())  # type: ignore[return-value]


def _fresh(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def _initialiser(func: cst.BaseExpression, kind: str) -> cst.BaseExpression:
    """``C`` -> ``C.create``; ``super().__init__`` -> ``super()._async_init``."""
    if kind == "super" and isinstance(func, cst.Attribute):
        init = ASYNC_POST_INIT if func.attr.value == "__post_init__" else ASYNC_INIT
        return func.with_changes(attr=cst.Name(init))
    return cst.Attribute(value=func, attr=cst.Name("create"))


def _iter_of_one(node: cst.BaseExpression) -> bool:
    """``iter(x)``: the builtin given one iterable."""
    return (
        isinstance(node, cst.Call)
        and m.matches(node.func, m.Name("iter"))
        and len(node.args) == 1
        and node.args[0].keyword is None
        and not node.args[0].star
    )


def _leading(stmt: cst.BaseStatement) -> bool:
    """Whether ``stmt`` has lines (blank or comments) before it."""
    return bool(getattr(stmt, "leading_lines", ()))
