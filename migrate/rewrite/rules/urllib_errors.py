"""MIG012 urllib-request, the errors: urllib's exception classes -> httpx's.

urlopen raises ``HTTPError`` for every non-2xx answer (the rule gives the
response ``raise_for_status()``); ``except HTTPError as e`` becomes ``except
httpx.HTTPStatusError`` with the caught error's uses mapped (``e.code`` ->
``e.response.status_code``, ``e.read()`` -> ``e.response.content``, ``e.url``
-> ``str(e.response.url)``), and
``URLError`` (the base of ``HTTPError``) ``httpx.HTTPError``. A handler
follows what its ``try`` reaches (the plan's ``urllib_raising``): only
carried calls, httpx's classes; calls kept on urllib too, both forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of
from .base import Rule, on_leave, on_visit

# urllib's error classes -> httpx's: URLError is the base of HTTPError, as
# httpx.HTTPError is of HTTPStatusError and of every transport error.
ERROR_CLASSES = {"HTTPError": "HTTPStatusError", "URLError": "HTTPError"}
# An HTTPError's attributes and methods -> its httpx twin's response's.
STATUS_ERROR_ATTRS = {
    "code": "status_code",
    "status": "status_code",
    "reason": "reason_phrase",
    "headers": "headers",
}
STATUS_ERROR_METHODS = {"read": "content", "getcode": "status_code"}
# An HTTPError's URL (``e.url``, ``e.filename``, ``e.geturl()``): its response's, a str.
STATUS_ERROR_URLS = frozenset({"url", "filename"})
# What a read that timed out raised (``socket.timeout`` is TimeoutError's alias).
SOCKET_TIMEOUTS = frozenset({"socket.timeout", "TimeoutError", "builtins.TimeoutError"})
# A urllib error class as written: its name, and the import that brings it.
Found = tuple[str, tuple[str, str | None]] | None


class UrllibErrors(Rule):
    """The handlers of the rule (see the module docstring); the rule supplies the rest."""

    module: str
    # Per try statement being rewritten: what its handlers map urllib's classes
    # to ("httpx", "both": some calls in it still raise urllib's, "": nothing).
    tries: list[str]
    # Per ``with`` statement being rewritten: the same, for a ``pytest.raises`` item.
    raises: list[str]

    def _carried(self, node: cst.CSTNode) -> bool:
        raise NotImplementedError

    def _error_class(self, node: cst.BaseExpression) -> tuple[str, tuple[str, str | None]] | None:
        raise NotImplementedError

    def _resolve(self, node: cst.BaseExpression) -> tuple[str, tuple[str, str | None]] | None:
        raise NotImplementedError

    def _timeouts_widened(self, handler: cst.ExceptHandler) -> cst.ExceptHandler:
        """``except socket.timeout`` (``TimeoutError``): a read that timed out, where
        urlopen's response raised it; httpx raises ReadTimeout there, which the
        clause catches too (a connect timeout was a URLError, as httpx's is an
        HTTPError)."""
        caught = handler.type
        types = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
        if not any(t is not None and self._timeout(t) for t in types):
            return handler
        read = attr_of(cst.Name(self.module), "ReadTimeout")
        if any(t is not None and code_of(t) == code_of(read) for t in types):
            return handler
        self.ctx.add_import(self.module)
        return handler.with_changes(type=_one_or_tuple([*(t for t in types if t), read]))

    def _timeout(self, node: cst.BaseExpression) -> bool:
        resolved = self._resolve(node)
        return resolved is not None and resolved[0] in SOCKET_TIMEOUTS

    def _mode(self, body: cst.BaseSuite) -> str:
        """What a handler of code in ``body`` maps urllib's classes to (see ``tries``)."""
        kinds: set[str] = set()
        for call in m.findall(body, m.Call()):
            pos = self.ctx.pos(call)
            kinds |= self.ctx.edits.urllib_raising.get(pos, frozenset()) if pos else set()
            if self._carried(call):
                kinds.add("httpx")
        if not kinds:
            # Nothing in it we can follow: map where every urlopen of the file is carried.
            return "httpx" if self.ctx.edits.urllib_errors else ""
        if "httpx" in kinds:
            return "both" if "urllib" in kinds else "httpx"
        return ""

    @on_visit(cst.Try)
    def visit_Try(self, node: cst.Try) -> None:
        self.tries.append(self._mode(node.body))

    @on_visit(cst.With)
    def visit_raises(self, node: cst.With) -> None:
        """``with pytest.raises(HTTPError):`` expects what its body raises, as a handler."""
        expects = any(_expects(item.item) for item in node.items)
        self.raises.append(self._mode(node.body) if expects else "")

    @on_leave(cst.With)
    def leave_raises(self, original: cst.With, updated: cst.BaseStatement) -> cst.BaseStatement:
        self.raises.pop()
        return updated

    @on_leave(cst.Call)
    def leave_expected(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        """``pytest.raises(urllib.error.HTTPError)`` -> ``pytest.raises(httpx.HTTPStatusError)``
        (both classes where the body still reaches urllib calls too)."""
        mode = self.raises[-1] if self.raises else ""
        if not mode or not isinstance(updated, cst.Call) or not _expects(updated):
            return updated
        first = updated.args[0]
        classes = self._classes(first.value)
        if classes is None:
            return updated
        types, found, httpx_types = classes
        if mode == "httpx":
            mapped = self._replaced(types, found, httpx_types)
        else:
            mapped = [*types, *httpx_types]
        value = _one_or_tuple(mapped)
        if isinstance(value, cst.Tuple):
            value = value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return updated.with_changes(args=[first.with_changes(value=value), *updated.args[1:]])

    def _classes(
        self, expr: cst.BaseExpression
    ) -> tuple[list[cst.BaseExpression], list[Found], list[cst.BaseExpression]] | None:
        """The classes an except clause or ``pytest.raises`` names, which of them are
        urllib's (with their import), and httpx's twins of those; None if none is."""
        types = [e.value for e in expr.elements] if isinstance(expr, cst.Tuple) else [expr]
        found = [self._error_class(t) for t in types]
        if not any(found):
            return None
        self.ctx.add_import(self.module)
        module = cst.Name(self.module)
        httpx_types: list[cst.BaseExpression] = [
            attr_of(module, ERROR_CLASSES[f[0]]) for f in found if f is not None
        ]
        return types, found, httpx_types

    def _replaced(
        self,
        types: list[cst.BaseExpression],
        found: list[Found],
        httpx_types: list[cst.BaseExpression],
    ) -> list[cst.BaseExpression]:
        """``types`` with urllib's classes replaced by httpx's (their imports may go)."""
        for f in found:
            if f is not None:
                self.ctx.maybe_remove_import(*f[1])
        twins = iter(httpx_types)
        return [t if f is None else next(twins) for t, f in zip(types, found)]

    @on_leave(cst.Try)
    def leave_Try(self, original: cst.Try, updated: cst.BaseStatement) -> cst.BaseStatement:
        self.tries.pop()
        return updated

    @on_leave(cst.ExceptHandler)
    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler | cst.FlattenSentinel[cst.ExceptHandler]:
        """urllib's classes -> httpx's, and the caught error's uses with them; where the
        ``try`` still reaches urllib calls too, the handler catches both forms (one
        handler per form when the uses differ)."""
        mode = self.tries[-1] if self.tries else ""
        if not mode or updated.type is None:
            return updated
        updated = self._timeouts_widened(updated)
        classes = self._classes(updated.type) if updated.type is not None else None
        if classes is None:
            return updated
        types, found, httpx_types = classes
        body = updated.body
        kinds = {f[0] for f in found if f is not None}
        name = updated.name.name if updated.name is not None else None
        if isinstance(name, cst.Name) and len(kinds) == 1 and len(found) == len(httpx_types):
            body = cast(cst.BaseSuite, body.visit(_CaughtError(name.value, *kinds)))
        if mode == "httpx":
            mapped = self._replaced(types, found, httpx_types)
            return updated.with_changes(type=_one_or_tuple(mapped), body=body)
        if body.deep_equals(updated.body):
            return updated.with_changes(type=_one_or_tuple([*types, *httpx_types]))
        twin = updated.with_changes(type=_one_or_tuple(httpx_types), body=body)
        return cst.FlattenSentinel([updated, twin])


def _expects(node: cst.BaseExpression) -> bool:
    """``pytest.raises(SomeError, ...)``."""
    return (
        isinstance(node, cst.Call)
        and bool(node.args)
        and node.args[0].keyword is None
        and m.matches(node.func, m.Attribute(value=m.Name("pytest"), attr=m.Name("raises")))
    )


class _CaughtError(cst.CSTTransformer):
    """The caught ``HTTPError``/``URLError``'s uses, as httpx's error has them."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__()
        self.name = name
        self.kind = kind

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if (
            self.kind == "HTTPError"
            and m.matches(func, m.Attribute(value=m.Name(self.name)))
            and not updated.args
        ):
            method = cst.ensure_type(func, cst.Attribute).attr.value
            if method == "geturl":
                return _url_of(self.name)
            if method in STATUS_ERROR_METHODS:
                return attr_of(
                    attr_of(cst.Name(self.name), "response"), STATUS_ERROR_METHODS[method]
                )
        return updated

    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        if not m.matches(updated.value, m.Name(self.name)):
            return updated
        attr = updated.attr.value
        if self.kind == "URLError":
            # URLError.reason is the underlying error; httpx's is the exception itself.
            return cst.Name(self.name) if attr == "reason" else updated
        if attr in STATUS_ERROR_ATTRS:
            return attr_of(attr_of(cst.Name(self.name), "response"), STATUS_ERROR_ATTRS[attr])
        if attr in STATUS_ERROR_URLS:
            return _url_of(self.name)
        return updated


def _url_of(error: str) -> cst.Call:
    """``str(e.response.url)``: what urllib's HTTPError gave as its URL."""
    url = attr_of(attr_of(cst.Name(error), "response"), "url")
    return cst.Call(func=cst.Name("str"), args=[cst.Arg(url)])


def _one_or_tuple(types: Sequence[cst.BaseExpression]) -> cst.BaseExpression:
    unique = list({code_of(t): t for t in types}.values())
    return unique[0] if len(unique) == 1 else cst.Tuple([cst.Element(t) for t in unique])


def attr_of(owner: cst.BaseExpression, name: str) -> cst.Attribute:
    """``owner.name``."""
    return cst.Attribute(value=owner, attr=cst.Name(name))
