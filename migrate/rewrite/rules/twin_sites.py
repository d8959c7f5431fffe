"""Dunders that became their async twin (see analyse.twins): the twin's sites in
async code, and the dunder kept as a bridge for sync code.

``name in jobs`` -> ``await jobs.acontains(name)``, ``name not in jobs`` ->
``not await jobs.acontains(name)``, ``jobs[name] = xml`` -> ``await
jobs.asetitem(name, xml)``, ``del jobs[name]`` -> ``await
jobs.adelitem(name)``, ``len(jobs)`` and ``if jobs:`` -> ``await jobs.alen()``, ``api.token = v``
-> ``await api.aset_token(v)``. The class keeps
its dunder, one line handing over to the twin through the ``block_on``
helper: sync code, and async code that cannot tell what it holds (which runs
the dunder on its loop's thread, where ``async_to_sync`` would raise), go on
working.
"""

from __future__ import annotations

import libcst as cst

from ...analyse.twins import ITER_TWIN, SETTER, TWIN_NAMES
from .base import Rule, on_leave

_DUNDERS = {twin: dunder for dunder, twin in TWIN_NAMES.items()}
SETTER_PREFIX = "aset_"


class TwinSites(Rule):
    """The part of async-propagation that carries dunders to their async twins."""

    @on_leave(cst.Comparison)
    def leave_twin_comparison(
        self, original: cst.Comparison, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        twin = self._twin(original)
        if twin is None or not isinstance(updated, cst.Comparison):
            return updated
        (target,) = updated.comparisons
        call = _await(target.comparator, twin[1], [updated.left])
        if twin[0] == "not in":
            return cst.UnaryOperation(cst.Not(), call, lpar=updated.lpar, rpar=updated.rpar)
        return call.with_changes(lpar=updated.lpar, rpar=updated.rpar)

    @on_leave(cst.Call)
    def leave_twin_len(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        twin = self._twin(original)
        if twin is None or not isinstance(updated, cst.Call):
            return updated
        return _await(updated.args[0].value, twin[1], [])

    @on_leave(cst.Name)
    def leave_twin_truth(
        self, original: cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``if not listing:`` -> ``if not await listing.alen():``"""
        twin = self._twin(original)
        if twin is None or twin[0] != "truth":
            return updated
        return _await(updated, twin[1], [])

    @on_leave(cst.Assign)
    def leave_twin_assign(
        self, original: cst.Assign, updated: cst.BaseSmallStatement
    ) -> cst.BaseSmallStatement:
        twin = self._twin(original.targets[0].target)
        if twin is None or not isinstance(updated, cst.Assign):
            return updated
        target = updated.targets[0].target
        if isinstance(target, cst.Attribute):
            # ``api.token = v`` -> ``await api.aset_token(v)``
            call = _await(target.value, twin[1], [updated.value])
            return cst.Expr(call, semicolon=updated.semicolon)
        assert isinstance(target, cst.Subscript)
        call = _await(target.value, twin[1], [_key(target), updated.value])
        return cst.Expr(call, semicolon=updated.semicolon)

    @on_leave(cst.Del)
    def leave_twin_del(
        self, original: cst.Del, updated: cst.BaseSmallStatement
    ) -> cst.BaseSmallStatement:
        twin = self._twin(original.target)
        if twin is None or not isinstance(updated, cst.Del):
            return updated
        target = updated.target
        assert isinstance(target, cst.Subscript)
        return cst.Expr(_await(target.value, twin[1], [_key(target)]), semicolon=updated.semicolon)

    @on_leave(cst.ClassDef)
    def leave_twin_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """After each twin, its dunder again: a bridge to it for sync code."""
        owner = self.ctx.qualname
        setters = set()
        twins = set()
        for qualname, new in self.ctx.edits.renamed.items():
            kind = self.ctx.edits.async_properties.get(qualname)
            if kind == "setter" and qualname.removesuffix(SETTER).rpartition(".")[0] == owner:
                setters.add(new)  # an assignment that cannot await runs the setter
            elif qualname.rpartition(".")[0] == owner and (
                new in _DUNDERS
                # An async generator's, not an async iterator's (whose __iter__ is sync).
                or (new == ITER_TWIN[1] and qualname in self.ctx.edits.async_functions)
                # A property kept for the readers that cannot await (``aversion``).
                or kind == "property"
            ):
                twins.add(new)
        if not twins and not setters:
            return updated
        body: list[cst.BaseStatement | cst.BaseSmallStatement] = []
        for stmt in updated.body.body:
            body.append(stmt)
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value in setters:
                body.append(self._setter(stmt))
            elif isinstance(stmt, cst.FunctionDef) and stmt.name.value in twins:
                body.append(self._shell(stmt))
        return updated.with_changes(body=updated.body.with_changes(body=body))

    def _setter(self, twin: cst.FunctionDef) -> cst.FunctionDef:
        """``@token.setter def token(self, value): block_on(self.aset_token(value))``"""
        block_on = self.ctx.use_helper("block_on")
        params = twin.params.params
        self_name = params[0].name.value if params else "self"
        value = params[1].name.value if len(params) > 1 else "value"
        prop = twin.name.value.removeprefix(SETTER_PREFIX)
        body = cst.parse_statement(f"{block_on}({self_name}.{twin.name.value}({value}))")
        return twin.with_changes(
            name=cst.Name(prop),
            asynchronous=None,
            body=cst.IndentedBlock([body]),
            decorators=[cst.Decorator(_attr(cst.Name(prop), "setter"))],
            leading_lines=[cst.EmptyLine(indent=False)],
        )

    def _twin(self, node: cst.CSTNode) -> tuple[str, str] | None:
        if not self.ctx.in_async:
            return None
        pos = self.ctx.pos(node)
        return self.ctx.edits.twin_calls.get(pos) if pos else None

    def _shell(self, twin: cst.FunctionDef) -> cst.FunctionDef:
        """``def __contains__(self, name): return block_on(self.acontains(name))``;
        ``def __iter__(self): return iter(block_on(collect(self.__aiter__())))``."""
        block_on = self.ctx.use_helper("block_on")
        params = twin.params
        self_name = params.params[0].name.value if params.params else "self"
        if twin.name.value not in _DUNDERS and twin.name.value != ITER_TWIN[1]:
            # ``@property def version(self): return block_on(self.aversion())``
            body = cst.parse_statement(f"return {block_on}({self_name}.{twin.name.value}())")
            return twin.with_changes(
                name=cst.Name(twin.name.value.removeprefix("a")),
                asynchronous=None,
                body=cst.IndentedBlock([body]),
                decorators=[cst.Decorator(cst.Name("property"))],
                leading_lines=[cst.EmptyLine(indent=False)],
            )
        if twin.name.value == ITER_TWIN[1]:
            collect = self.ctx.use_helper("collect")
            body = cst.parse_statement(
                f"return iter({block_on}({collect}({self_name}.{ITER_TWIN[1]}())))"
            )
            return twin.with_changes(
                name=cst.Name(ITER_TWIN[0]),
                asynchronous=None,
                body=cst.IndentedBlock([body]),
                leading_lines=[cst.EmptyLine(indent=False)],
                returns=None,
            )
        args = [cst.Arg(p.name) for p in (*params.posonly_params, *params.params)[1:]]
        if isinstance(params.star_arg, cst.Param):
            args.append(cst.Arg(params.star_arg.name, star="*"))
        args += [cst.Arg(p.name, keyword=p.name) for p in params.kwonly_params]
        if params.star_kwarg is not None:
            args.append(cst.Arg(params.star_kwarg.name, star="**"))
        bridged = cst.Call(
            cst.Name(block_on),
            [cst.Arg(cst.Call(_attr(cst.Name(self_name), twin.name.value), args))],
        )
        dunder = _DUNDERS[twin.name.value]
        value: cst.BaseSmallStatement = (
            cst.Return(bridged) if dunder in ("__contains__", "__len__") else cst.Expr(bridged)
        )
        return twin.with_changes(
            name=cst.Name(dunder),
            asynchronous=None,
            body=cst.IndentedBlock([cst.SimpleStatementLine([value])]),
            leading_lines=[cst.EmptyLine(indent=False)],
        )


def _attr(value: cst.BaseExpression, name: str) -> cst.Attribute:
    return cst.Attribute(value=value, attr=cst.Name(name))


def _await(held: cst.BaseExpression, twin: str, args: list[cst.BaseExpression]) -> cst.Await:
    if not isinstance(held, cst.Name | cst.Attribute | cst.Call | cst.Subscript) and not held.lpar:
        # ``len(await f())`` -> ``(await f()).alen()``: a primary needs brackets.
        held = held.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.Await(cst.Call(_attr(held, twin), [cst.Arg(a) for a in args]))


def _key(target: cst.Subscript) -> cst.BaseExpression:
    """What ``jobs[...]`` hands its dunder: the index, or a tuple of them."""
    elements = [e.slice for e in target.slice]
    if len(elements) == 1:
        return _slice_value(elements[0])
    return cst.Tuple([cst.Element(_slice_value(e)) for e in elements])


def _slice_value(element: cst.BaseSlice) -> cst.BaseExpression:
    """``jobs[a, 1:2]`` hands over ``(a, slice(1, 2, None))``."""
    if isinstance(element, cst.Index):
        return element.value
    assert isinstance(element, cst.Slice)
    parts = (element.lower, element.upper, element.step)
    return cst.Call(cst.Name("slice"), [cst.Arg(p or cst.Name("None")) for p in parts])
