"""MIG001, exceptions: requests' exception classes (and ``Response``) in
``except`` clauses, ``isinstance``, annotations and handler registrations
become httpx's. While requests calls remain elsewhere in the project (a
gradual step), except clauses catch both forms and registrations are
doubled, so every intermediate state keeps handling both.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of, dotted_name
from .base import StatementResult, on_leave, on_visit
from .http_common import HttpRuleBase

# requests exception -> httpx exception. In ``except`` clauses a tuple keeps
# requests' wider meaning where one class is not enough.
EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "RequestException": ("HTTPError",),
    "HTTPError": ("HTTPStatusError",),
    # requests says ConnectionError for a stalled upload and for a peer that
    # hung up before answering; httpx says WriteTimeout and RemoteProtocolError.
    "ConnectionError": ("NetworkError", "ConnectTimeout", "WriteTimeout", "RemoteProtocolError"),
    "Timeout": ("TimeoutException",),
    "ReadTimeout": ("ReadTimeout",),
    "ConnectTimeout": ("ConnectTimeout",),
    "TooManyRedirects": ("TooManyRedirects",),
    # A URL with no host: requests' InvalidURL, httpx's UnsupportedProtocol.
    "InvalidURL": ("InvalidURL", "UnsupportedProtocol"),
    "ChunkedEncodingError": ("RemoteProtocolError",),
    "ContentDecodingError": ("DecodingError",),
}
JSON_ERRORS = ("JSONDecodeError",)
# Other requests names that have an httpx twin of the same shape.
TYPES = {"Response": "Response", "Request": "Request", "PreparedRequest": "Request"}
REQUEST_EXCEPTION_JSON_NOTE = "also catch json.JSONDecodeError if .json() errors landed here"
REQUEST_EXCEPTION_JSON_DETAIL = (
    "requests.RequestException also covered JSON errors from .json(); httpx raises"
    " json.JSONDecodeError there"
)


class ExceptionRewrites(HttpRuleBase):
    def _requests_name(self, node: cst.BaseExpression) -> str | None:
        """``requests.Timeout`` as written, or a bare name imported from requests."""
        if isinstance(node, cst.Name):
            if id(node) in self.ctx.non_references:
                return None
            return self.ctx.edits.requests_aliases.get(node.value)
        return dotted_name(node)

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        if original.value not in self.ctx.edits.requests_aliases:
            return updated
        mapped = self._exception(original, updated)
        if mapped is None:
            return updated
        target = self.ctx.edits.requests_aliases[original.value]
        module, _, obj = target.rpartition(".")
        self.ctx.maybe_remove_import(module, obj)
        return mapped

    def _exception(
        self, original: cst.Attribute | cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        if not self.ctx.edits.map_exceptions:
            return None
        if self.ctx.edits.map_exceptions == "both" and (
            self._in_except or self._in_annotation or not self._copying
        ):
            # requests is still in use elsewhere: except clauses catch both
            # forms (see _widen), and statements are doubled (see _both).
            return None
        name = self._requests_name(original)
        if name is None:
            return None
        parts = name.split(".")
        if parts[0] != "requests" or len(parts) not in (2, 3):
            return None
        if len(parts) == 3 and parts[1] != "exceptions":
            return None
        cls = parts[-1]
        if cls in TYPES and len(parts) == 2:
            self.ctx.maybe_remove_import("requests")
            return self._httpx(TYPES[cls])
        if cls in JSON_ERRORS:
            self.ctx.add_import("json")
            return cst.Attribute(value=cst.Name("json"), attr=cst.Name("JSONDecodeError"))
        mapped = EXCEPTIONS.get(cls)
        if mapped is None:
            return None
        self.ctx.maybe_remove_import("requests")
        if cls == "RequestException" and not self._in_except and not self._in_annotation:
            line = self._copy_line if self._copying else self.ctx.line(original)
            self.ctx.todo(
                line, self.code, REQUEST_EXCEPTION_JSON_NOTE, REQUEST_EXCEPTION_JSON_DETAIL
            )
        return self._httpx(mapped[0])

    _in_except = 0
    _in_annotation = 0
    _copying = False
    _copy_line = 0

    def _both(self, stmt: cst.SimpleStatementLine, line: int) -> StatementResult | None:
        """``register_error_handler(requests.Timeout, h)`` while requests is still in
        use elsewhere: keep the line and add its httpx twin below it."""
        if len(stmt.body) != 1 or not isinstance(stmt.body[0], cst.Expr):
            return None
        rule = self

        class Copy(cst.CSTTransformer):
            changed = False

            def leave_Attribute(
                self, original: cst.Attribute, updated: cst.Attribute
            ) -> cst.BaseExpression:
                rule._copying = True
                try:
                    mapped = rule._exception(original, updated)
                finally:
                    rule._copying = False
                if mapped is None:
                    return updated
                self.changed = True
                return mapped

        copier = Copy()
        self._copy_line = line
        twin = stmt.visit(copier)
        if not copier.changed or not isinstance(twin, cst.SimpleStatementLine):
            return None
        return cst.FlattenSentinel([stmt, twin.with_changes(leading_lines=[])])

    def _dedupe(self, body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """Once requests is gone, the doubled lines of an earlier step are twins: keep one."""
        if self.ctx.edits.map_exceptions != "httpx":
            return body
        out: list[cst.BaseStatement] = []
        previous = None
        for stmt in body:
            code = code_of(stmt.with_changes(leading_lines=[]))
            if code == previous and f"{self.module}." in code:
                continue
            previous = code
            out.append(stmt)
        return out

    @on_visit(cst.Annotation)
    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._in_annotation += 1

    @on_leave(cst.Annotation)
    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        self._in_annotation -= 1
        return updated

    @on_visit(cst.ExceptHandler)
    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_except += 1

    @on_leave(cst.ExceptHandler)
    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        """Widen mapped classes where requests' class covered more than one httpx class."""
        self._in_except -= 1
        if not self.ctx.edits.map_exceptions or original.type is None or updated.type is None:
            return updated
        widened = self._widen(original.type, updated.type)
        return updated if widened is None else updated.with_changes(type=widened)

    def _widen(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        """The classes a requests class (or a tuple of them) stands for, as a tuple.

        None when one httpx class is enough (the attribute was mapped already).
        """
        both = self.ctx.edits.map_exceptions == "both"
        if isinstance(original, cst.Tuple) and isinstance(updated, cst.Tuple):
            elements: list[cst.BaseExpression] = []
            for old, new in zip(original.elements, updated.elements):
                if isinstance(old, cst.StarredElement):
                    elements.append(new.value)
                    continue
                classes = self._classes(old.value)
                if classes is not None and both:
                    classes = [new.value, *classes]
                elements.extend(classes or [new.value])
            unique = {code_of(e): e for e in elements}
            if list(unique) == [code_of(e.value) for e in updated.elements]:
                return None
            if len(unique) == 1:
                return next(iter(unique.values()))
            return updated.with_changes(elements=[cst.Element(e) for e in unique.values()])
        classes = self._classes(original)
        if classes is None:
            return None
        if both:
            classes = [updated, *classes]
        return cst.Tuple([cst.Element(c) for c in classes])

    def _classes(self, original: cst.BaseExpression) -> list[cst.BaseExpression] | None:
        name = self._requests_name(original)
        if name is None or not name.startswith("requests."):
            return None
        mapped = EXCEPTIONS.get(name.split(".")[-1])
        both = self.ctx.edits.map_exceptions == "both"
        if mapped is None or (len(mapped) < 2 and not both):
            return None
        return [self._httpx(each) for each in mapped]

    def _isinstance(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``isinstance(exc, requests.ConnectionError)``: the same widening as in ``except``."""
        if (
            not self.ctx.edits.map_exceptions
            or not m.matches(original.func, m.Name("isinstance") | m.Name("issubclass"))
            or len(original.args) != 2
            or len(updated.args) != 2
        ):
            return updated
        widened = self._widen(original.args[1].value, updated.args[1].value)
        if widened is None:
            return updated
        return updated.with_changes(
            args=[updated.args[0], updated.args[1].with_changes(value=widened)]
        )
