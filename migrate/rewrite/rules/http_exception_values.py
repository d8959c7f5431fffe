"""MIG001, exception classes handed on as values, to be caught elsewhere.

``isinstance``, ``pytest.raises``, ``assertRaises``, a retry library's
``retry_if_exception_type``/``on_exception`` and ``contextlib.suppress`` catch
the classes they are given; a tuple of requests' classes (``exceptions=
(requests.ConnectionError, requests.Timeout)`` as a parameter's default, a
constant, an argument) can only be meant for an ``except`` or such a call, as
no one raises a tuple. Both are widened as an except clause is
(``http_exceptions``): requests' ``ConnectionError`` also meant a peer that
hung up (httpx's ``RemoteProtocolError``), so ``httpx.ConnectError`` alone
would stop retrying a dropped connection.

A function such a call hands each caught exception to (backoff's ``giveup=``,
tenacity's ``retry_if_exception(predicate)``, a def of the module or a lambda)
reads ``e.response`` as an except clause does: ``getattr(e, "response", None)``,
since httpx's connection errors have none, where requests' was None.
"""

from __future__ import annotations

import libcst as cst

from ..nodes import dotted_name
from .base import on_leave, on_visit
from .http_annotations import AnnotationRewrites

# Calls that catch the classes they are given (argument position), as ``except`` does.
CATCHING_CALLS = {
    "isinstance": 1,
    "issubclass": 1,
    "pytest.raises": 0,
    "raises": 0,
    "assertRaises": 0,
    "assertRaisesRegex": 0,
    # tenacity, backoff, stamina: retry what they catch.
    "retry_if_exception_type": 0,
    "retry_if_not_exception_type": 0,
    "retry_unless_exception_type": 0,
    "on_exception": 1,
    "retry_context": 0,
    "suppress": 0,
}
# The keyword a catching call may take them by instead.
CATCHING_KEYWORDS = frozenset({"exception_types", "exception", "on", "expected_exception"})
# Where a mock raises (or returns, in turn) what it is given: never a catch list.
MOCK_EFFECTS = "side_effect"
# Calls handing each exception they catch to a function: its keyword or position.
PREDICATE_TAKERS = {"on_exception": "giveup", "retry_if_exception": 0}


class ExceptionValues(AnnotationRewrites):
    # Tuples a caller widens whole (an except clause's, a catching call's) or
    # that a mock takes as effects: not widened again on their own.
    _kept_tuples: set[int] = set()

    def _widen(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        raise NotImplementedError  # ExceptionRewrites'

    def _exception_class(self, node: cst.BaseExpression) -> bool:
        raise NotImplementedError  # ExceptionRewrites'

    # Functions (by name) and lambdas (by id) handed each caught exception.
    _predicates: frozenset[str | int] = frozenset()
    _loose_errors: list[str | None]

    @on_visit(cst.Module)
    def visit_predicates(self, node: cst.Module) -> None:
        found: set[str | int] = set()

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                func = call.func
                name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
                taken = PREDICATE_TAKERS.get(name or "")
                positional = [a for a in call.args if a.keyword is None]
                for i, arg in enumerate(positional if isinstance(taken, int) else []):
                    if i == taken:
                        found.add(_predicate_key(arg.value))
                for arg in call.args:
                    if arg.keyword is not None and arg.keyword.value == taken:
                        found.add(_predicate_key(arg.value))

        node.visit(Finder())
        self._predicates = frozenset(found)

    @on_visit(cst.FunctionDef, cst.Lambda)
    def visit_predicate(self, node: cst.FunctionDef | cst.Lambda) -> None:
        key = id(node) if isinstance(node, cst.Lambda) else node.name.value
        params = node.params.params
        loose = params[0].name.value if key in self._predicates and params else None
        self._loose_errors = [*self._loose_errors, loose]

    @on_leave(cst.FunctionDef, cst.Lambda)
    def leave_predicate(
        self, original: cst.FunctionDef | cst.Lambda, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        self._loose_errors = self._loose_errors[:-1]
        return updated

    @on_visit(cst.ExceptHandler)
    def visit_caught_tuple(self, node: cst.ExceptHandler) -> None:
        if node.type is not None:
            self._kept_tuples = {*self._kept_tuples, id(node.type)}

    @on_visit(cst.Call)
    def visit_caught_arguments(self, node: cst.Call) -> None:
        kept = {id(arg.value) for arg in caught_args(node)}
        kept |= {id(a.value) for a in node.args if a.keyword and a.keyword.value == MOCK_EFFECTS}
        self._kept_tuples = self._kept_tuples | kept

    @on_visit(cst.Assign)
    def visit_mock_effects(self, node: cst.Assign) -> None:
        if any(
            isinstance(t.target, cst.Attribute) and t.target.attr.value == MOCK_EFFECTS
            for t in node.targets
        ):
            self._kept_tuples = {*self._kept_tuples, id(node.value)}

    @on_leave(cst.Tuple)
    def leave_exception_tuple(
        self, original: cst.Tuple, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``(requests.ConnectionError, requests.Timeout)`` kept for an ``except``."""
        if (
            not self.ctx.edits.map_exceptions
            or id(original) in self._kept_tuples
            or not isinstance(updated, cst.Tuple)
            or not original.elements
            or not all(
                isinstance(e, cst.Element) and self._exception_class(e.value)
                for e in original.elements
            )
        ):
            return updated
        return self._widen(original, updated) or updated

    def _isinstance(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``isinstance(exc, requests.ConnectionError)``, ``pytest.raises(...)``,
        ``retry_if_exception_type(...)``: the same widening as in ``except``."""
        if not self.ctx.edits.map_exceptions or len(updated.args) != len(original.args):
            return updated
        args = list(updated.args)
        for arg in caught_args(original):
            at = original.args.index(arg)
            widened = self._widen(arg.value, updated.args[at].value)
            if widened is not None:
                args[at] = args[at].with_changes(value=widened)
        return updated.with_changes(args=args)


def caught_args(call: cst.Call) -> list[cst.Arg]:
    """The arguments of a call that catches exception classes (see CATCHING_CALLS)."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func) or ""
    at = CATCHING_CALLS.get(name)
    if at is None and isinstance(func, cst.Attribute):
        at = CATCHING_CALLS.get(dotted_name(func) or "")
    if at is None:
        return []
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if name == "suppress":
        return positional  # every class it is given
    keywords = [a for a in call.args if a.keyword and a.keyword.value in CATCHING_KEYWORDS]
    return positional[at : at + 1] + keywords


def _predicate_key(value: cst.BaseExpression) -> str | int:
    """A function handed over by name (its def's), or a lambda (by identity)."""
    return value.value if isinstance(value, cst.Name) else id(value)
