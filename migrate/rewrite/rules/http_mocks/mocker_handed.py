"""Where ``@requests_mock.Mocker()`` hands a test its mocker, and where
``@respx.mock`` hands it the router instead.

requests-mock's decorator hands the mocker to the function it wraps as one
more positional argument or, given ``kw="mock"``, as the keyword ``mock`` (a
parameter of that name, or the item ``kwargs["mock"]`` of ``**kwargs``). On a
class it wraps, the same way, each method whose name starts with ``test``
(``Mocker.TEST_PREFIX``), and the class stays a class. Where the positional
argument lands depends on the ``mock.patch`` decorators beside it: a wrapper
adds its arguments after those of the wrappers around it, and patches
stacked below the mocker's wrapper share one list of patchings with it
(functools.wraps copies the function's ``__dict__``), so the mocker comes
first (after ``self``) when a patch handing a mock is below it, and last
otherwise.

``@respx.mock`` decorates functions only: on a class it returns a function,
and the class's tests are gone (pytest collects nothing, unittest runs
nothing). It hands its router to a parameter named ``respx_mock``, as a
keyword, and finds that parameter only in the signature of the function it
decorates (a ``mock.patch`` wrapper shows ``*args, **kwargs``). So each test
gets ``@respx.mock`` right above its ``def``, and ``respx_mock`` last of its
positional parameters, where no patch's mock lands.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst

from ....analyse.frameworks import hands_mock
from ...nodes import code_of, dotted_name, is_keyword, string_value

# requests_mock's Mocker, and ``mock``, the name it also has.
MOCKERS = frozenset({"requests_mock.Mocker", "requests_mock.mock"})
# The methods ``@requests_mock.Mocker()`` on a class wraps (``Mocker.TEST_PREFIX``).
TEST_PREFIX = "test"
RESPX_PARAM = "respx_mock"


def is_mocker_call(node: cst.BaseExpression) -> bool:
    """``requests_mock.Mocker(...)``."""
    return isinstance(node, cst.Call) and dotted_name(node.func) in MOCKERS


@dataclass(frozen=True)
class Handed:
    """How a ``requests_mock.Mocker(...)`` decorator hands a test its mocker: the
    parameter it fills, or the key of the ``**kwargs`` item it is (neither when the
    test takes it nowhere)."""

    call: cst.Call
    param: str | None = None
    kwargs: str | None = None
    key: str | None = None
    # A positional mocker handed before the patches' mocks.
    first: bool = False

    @property
    def found(self) -> bool:
        """Whether the test takes the mocker somewhere."""
        return self.param is not None or self.kwargs is not None


def mocker_handed(node: cst.FunctionDef, decorators: Sequence[cst.BaseExpression]) -> Handed | None:
    """How the ``requests_mock.Mocker(...)`` among ``decorators`` (the test's own, after
    those of a class wrapping it: outermost first) hands ``node`` its mocker; None
    without one."""
    index = next((i for i, d in enumerate(decorators) if is_mocker_call(d)), None)
    if index is None:
        return None
    call = cst.ensure_type(decorators[index], cst.Call)
    params = node.params
    named = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    for arg in call.args:
        if is_keyword(arg, "kw"):
            key = string_value(arg.value)
            if key is not None and key in named:
                return Handed(call, param=key)
            if key is not None and isinstance(params.star_kwarg, cst.Param):
                return Handed(call, kwargs=params.star_kwarg.name.value, key=key)
            return Handed(call)
    positional = [*params.posonly_params, *params.params]
    if positional and positional[0].name.value in ("self", "cls"):
        positional = positional[1:]
    if not positional:
        return Handed(call)
    first = any(hands_mock(_expression(d)) for d in decorators[index + 1 :])
    return Handed(call, param=positional[0 if first else -1].name.value, first=first)


def _expression(node: cst.BaseExpression) -> ast.expr:
    return ast.parse(code_of(node).strip(), mode="eval").body


def kwargs_items(node: cst.FunctionDef, handed: Handed) -> tuple[list[cst.Subscript], bool]:
    """The ``kwargs["mock"]`` items of ``node``'s body that are the mocker, and whether
    the body reads ``kwargs`` otherwise too."""
    reads = _KwargsReads(handed.kwargs or "", handed.key or "")
    node.body.visit(reads)
    return reads.items, reads.other


class _KwargsReads(cst.CSTVisitor):
    def __init__(self, name: str, key: str) -> None:
        self.name = name
        self.key = key
        self.items: list[cst.Subscript] = []
        self.other = False

    def visit_Subscript(self, node: cst.Subscript) -> bool:
        if (
            isinstance(node.value, cst.Name)
            and node.value.value == self.name
            and len(node.slice) == 1
            and isinstance(node.slice[0].slice, cst.Index)
            and string_value(node.slice[0].slice.value) == self.key
        ):
            self.items.append(node)
            return False
        return True

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.other = True


def without_mocker(params: cst.Parameters, handed: Handed, kwargs_read: bool) -> cst.Parameters:
    """``params`` without the one the mocker fills, and without ``**kwargs`` when the
    mocker was its item and the test reads nothing else of it."""
    changes: dict[str, Any] = {
        group: [
            p.with_changes(comma=cst.MaybeSentinel.DEFAULT)
            for p in getattr(params, group)
            if p.name.value != handed.param
        ]
        for group in ("posonly_params", "params", "kwonly_params")
    }
    if not changes["kwonly_params"] and isinstance(params.star_arg, cst.ParamStar):
        changes["star_arg"] = cst.MaybeSentinel.DEFAULT  # a bare ``*`` needs what follows it
    star_kwarg = params.star_kwarg
    if star_kwarg is not None:
        keep = handed.kwargs is None or kwargs_read
        changes["star_kwarg"] = (
            star_kwarg.with_changes(comma=cst.MaybeSentinel.DEFAULT) if keep else None
        )
    return params.with_changes(**changes)


def respx_signature(params: cst.Parameters, handed: Handed, kwargs_read: bool) -> cst.Parameters:
    """``params`` with ``respx_mock`` (the mocker's parameter, renamed already, or a new
    one for ``kwargs["mock"]``) last of the positional parameters, where respx finds
    it, and ``**kwargs`` dropped when the test reads nothing else of it."""
    named = (*params.posonly_params, *params.params, *params.kwonly_params)
    taken = next((p for p in named if p.name.value == RESPX_PARAM), None)
    renamed = Handed(handed.call, param=RESPX_PARAM, kwargs=handed.kwargs, key=handed.key)
    params = without_mocker(params, renamed, kwargs_read)
    param = (taken or cst.Param(cst.Name(RESPX_PARAM))).with_changes(
        comma=cst.MaybeSentinel.DEFAULT
    )
    return params.with_changes(params=[*params.params, param])
