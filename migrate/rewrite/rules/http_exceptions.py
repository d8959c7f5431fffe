"""MIG001, exceptions: requests' exception classes (and ``Response``) in
``except`` clauses, ``isinstance``, annotations, base classes, ``raise`` and
handler registrations become httpx's. While requests calls remain elsewhere
in the project (a gradual step), except clauses catch both forms and
registrations are doubled, so every intermediate state keeps handling both.

Where requests' class covered what one httpx class does not, ``except`` and
``isinstance`` take a tuple and a handler is registered once per class:
``RequestException`` also meant an invalid URL (``httpx.InvalidURL`` is no
``httpx.HTTPError``) and invalid JSON from ``.json()`` (httpx raises
``json.JSONDecodeError``). ``requests.HTTPError`` raised or subclassed by the
project becomes ``httpx.HTTPStatusError`` when its response is at hand (and
carries its request: :mod:`.http_raised_responses`), else the helpers module's
``StatusError``, whose request and response are optional as in requests.
``exc.response`` of an error that is not a status error reads ``getattr(exc, "response", None)``:
requests set it to None, httpx has no such attribute; ``exc.request`` reads
the same way (httpx's ``InvalidURL`` and ``json.JSONDecodeError`` have none).
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ...analyse.http_reviews import REGISTRATIONS
from ..nodes import append_arg, code_of, dotted_name, keyword_arg
from .base import StatementResult, on_leave, on_visit
from .http_error_messages import ErrorMessages
from .http_exception_values import ExceptionValues, caught_args
from .http_raised_responses import RaisedResponses

# requests exception -> httpx exception. In ``except`` clauses a tuple keeps
# requests' wider meaning where one class is not enough.
EXCEPTIONS: dict[str, tuple[str, ...]] = {
    # A dotted name is another module's class.
    "RequestException": ("HTTPError", "InvalidURL", "json.JSONDecodeError"),
    "HTTPError": ("HTTPStatusError",),
    # requests says ConnectionError for a stalled upload, a peer that hung up
    # before answering and a proxy that refused the tunnel (its ProxyError);
    # httpx says WriteTimeout, RemoteProtocolError and ProxyError, none of them
    # a NetworkError.
    "ConnectionError": (
        "NetworkError",
        "ConnectTimeout",
        "WriteTimeout",
        "RemoteProtocolError",
        "ProxyError",
    ),
    # A proxy that refuses the tunnel is httpx's ProxyError too; one that cannot
    # be reached is a ConnectError, as an unreachable host is.
    "ProxyError": ("ProxyError", "ConnectError"),
    # A failed TLS handshake: httpx's ConnectError (the ssl.SSLError its cause).
    "SSLError": ("ConnectError",),
    "Timeout": ("TimeoutException",),
    "ReadTimeout": ("ReadTimeout",),
    "ConnectTimeout": ("ConnectTimeout",),
    "TooManyRedirects": ("TooManyRedirects",),
    # A URL with no host: requests' InvalidURL, httpx's UnsupportedProtocol.
    "InvalidURL": ("InvalidURL", "UnsupportedProtocol"),
    "ChunkedEncodingError": ("RemoteProtocolError",),
    "ContentDecodingError": ("DecodingError",),
}
# requests' classes that only a helper raises now (the helper's class of that name).
HELPER_EXCEPTIONS = {"RetryError": ("RetryError",)}
# Raised or made rather than caught: the one class httpx raises where requests
# raised this one (a refused or unreachable host), not their common base.
RAISED = {"ConnectionError": "ConnectError"}
JSON_ERRORS = ("JSONDecodeError",)  # httpx's .json() raises json's, requests' base class
# Other requests names that have an httpx twin of the same shape.
TYPES = {"Response": "Response", "Request": "Request", "PreparedRequest": "Request"}
STATUS_ERROR = "StatusError"
REQUEST_EXCEPTION_JSON_NOTE = "also catch json.JSONDecodeError if .json() errors landed here"
REQUEST_EXCEPTION_JSON_DETAIL = (
    "requests.RequestException also covered JSON errors from .json(); httpx raises"
    " json.JSONDecodeError there"
)


class ExceptionRewrites(ErrorMessages, ExceptionValues, RaisedResponses):
    # What the module calls json where it imports it under another name only
    # (``import json as jsonlib``): ``json.JSONDecodeError`` is written that way.
    _json = "json"

    @on_visit(cst.Module)
    def visit_json_name(self, node: cst.Module) -> None:
        names = []
        for stmt in node.body:
            for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
                for alias in small.names if isinstance(small, cst.Import) else ():
                    if code_of(alias.name) != "json":
                        continue
                    asname = alias.asname.name if alias.asname else None
                    names.append(asname.value if isinstance(asname, cst.Name) else "json")
        self._json = "json" if "json" in names or not names else names[0]

    def _json_error(self) -> cst.Attribute:
        """``json.JSONDecodeError``, as the module names json."""
        if self._json == "json":
            self.ctx.add_import("json")
        return cst.Attribute(value=cst.Name(self._json), attr=cst.Name("JSONDecodeError"))

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        if original.value not in self.ctx.edits.requests_aliases:
            return updated
        mapped = self._exception(original, updated)
        if mapped is None:
            return updated
        module, _, obj = self.ctx.edits.requests_aliases[original.value].rpartition(".")
        self.ctx.maybe_remove_import(module, obj)
        self.ctx.maybe_remove_binding(original.value)  # or taken from a module re-exporting it
        return mapped

    def _exception(
        self, original: cst.Attribute | cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        if self._in_annotation and self._names_session(original):
            return self._annotated_session()
        if id(original) in self._kept_calls:
            return None  # ``requests.Response()`` kept (see ValueRewrites._kept)
        followed = self._followed_response(original)
        if followed is not None:
            if not followed:
                return None
            self.ctx.maybe_remove_import("requests")
            return self._httpx(TYPES["Response"])
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
        if len(parts) == 3 and parts[1] == "codes":
            return self._status_code(parts[2])
        if len(parts) == 3 and parts[1] != "exceptions":
            return None
        cls = parts[-1]
        if cls in TYPES and len(parts) == 2:
            self.ctx.maybe_remove_import("requests")
            return self._httpx(TYPES[cls])
        if cls in JSON_ERRORS:
            return self._json_error()
        mapped = EXCEPTIONS.get(cls) or HELPER_EXCEPTIONS.get(cls)
        if mapped is None:
            return None
        self.ctx.maybe_remove_import("requests")
        if (
            cls == "RequestException"
            and not self._in_except
            and not self._in_annotation
            and id(original) not in self._registered
            and not (self._copying and self._copy_registration)
        ):
            line = self._copy_line if self._copying else self.ctx.line(original)
            self.ctx.todo(
                line, self.code, REQUEST_EXCEPTION_JSON_NOTE, REQUEST_EXCEPTION_JSON_DETAIL
            )
        return self._class(RAISED.get(cls, mapped[0]))

    _in_except = 0
    # Exception classes passed to a handler registration (ids of original nodes).
    _registered: set[int] = set()
    # Per except clause being rewritten: the name it binds when the error may
    # be one with no ``.response`` in httpx.
    _loose_errors: list[str | None] = []
    _copying = False
    _copy_line = 0
    _copy_registration = False

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
        expr = stmt.body[0].value if isinstance(stmt.body[0], cst.Expr) else None
        self._copy_registration = isinstance(expr, cst.Call) and _registration(expr) is not None
        twin = stmt.visit(copier)
        if not copier.changed or not isinstance(twin, cst.SimpleStatementLine):
            return None
        twins = [twin]
        old, new = stmt.body[0], twin.body[0]
        if (
            isinstance(old, cst.Expr)
            and isinstance(new, cst.Expr)
            and isinstance(new.value, cst.Call)
        ):
            calls = self._per_class(old.value, new.value)
            twins = [twin.with_changes(body=[new.with_changes(value=c)]) for c in calls]
        return cst.FlattenSentinel([stmt, *(t.with_changes(leading_lines=[]) for t in twins)])

    def _dedupe(self, body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """Once requests is gone, the doubled lines of an earlier step are twins: keep one."""
        if self.ctx.edits.map_exceptions != "httpx":
            return body
        out: list[cst.BaseStatement] = []
        previous = None
        registered: set[str] = set()
        for stmt in body:
            code = code_of(stmt.with_changes(leading_lines=[]))
            if code == previous and f"{self.module}." in code:
                continue
            # A registration per class, made once by each earlier step.
            if m.matches(stmt, m.SimpleStatementLine([m.Expr(m.Call())])):
                call = cst.ensure_type(
                    cst.ensure_type(stmt, cst.SimpleStatementLine).body[0], cst.Expr
                ).value
                if _registration(cst.ensure_type(call, cst.Call)) is not None:
                    if code in registered:
                        continue
                    registered.add(code)
            previous = code
            out.append(stmt)
        return out

    @on_visit(cst.ExceptHandler)
    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_except += 1
        loose = None
        if node.name is not None and isinstance(node.name.name, cst.Name) and node.type is not None:
            types = (
                [e.value for e in node.type.elements]
                if isinstance(node.type, cst.Tuple)
                else [node.type]
            )
            for each in types:
                name = self._requests_name(each)
                cls = name.rsplit(".", 1)[-1] if name and name.startswith("requests.") else None
                if cls in EXCEPTIONS and cls != "HTTPError":
                    loose = node.name.name.value
        self._loose_errors = [*self._loose_errors, loose]

    @on_leave(cst.ExceptHandler)
    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        """Widen mapped classes where requests' class covered more than one httpx class."""
        self._in_except -= 1
        self._loose_errors = self._loose_errors[:-1]
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

    def _exception_class(self, node: cst.BaseExpression) -> bool:
        name = self._requests_name(node) or ""
        cls = name.rsplit(".", 1)[-1]
        known = (*EXCEPTIONS, *HELPER_EXCEPTIONS, *JSON_ERRORS)
        return name.startswith("requests.") and cls in known

    def _classes(self, original: cst.BaseExpression) -> list[cst.BaseExpression] | None:
        name = self._requests_name(original)
        if name is None or not name.startswith("requests."):
            return None
        cls = name.split(".")[-1]
        both = self.ctx.edits.map_exceptions == "both"
        mapped = ("json.JSONDecodeError",) if cls in JSON_ERRORS else EXCEPTIONS.get(cls)
        mapped = mapped or HELPER_EXCEPTIONS.get(cls)
        if mapped is None or (len(mapped) < 2 and not both):
            return None
        return [self._class(each) for each in mapped]

    def _class(self, name: str) -> cst.BaseExpression:
        """``httpx.<name>``, ``module.Name`` for a dotted name (imported), or a helper's."""
        module, _, attr = name.rpartition(".")
        if name in HELPER_EXCEPTIONS:
            return cst.Name(self.ctx.use_helper(name))
        if not module:
            return self._httpx(name)
        if name == "json.JSONDecodeError":
            return self._json_error()
        self.ctx.add_import(module)
        return cst.Attribute(value=cst.Name(module), attr=cst.Name(attr))

    def _error_response(self, updated: cst.Attribute) -> cst.BaseExpression | None:
        """``exc.response`` / ``exc.request`` where httpx's error may have none (an
        invalid URL, invalid JSON): ``getattr(exc, "response", None)``."""
        attr = updated.attr.value
        if (
            self.ctx.edits.map_exceptions
            and attr in ("response", "request")
            and isinstance(updated.value, cst.Name)
            and self._loose_errors
            and updated.value.value == self._loose_errors[-1]
        ):
            # Inside an f-string (before Python 3.12) the quotes must differ.
            quote = "'" if self._in_fstring else '"'
            return cst.parse_expression(
                f"getattr({updated.value.value}, {quote}{attr}{quote}, None)"
            )
        return None

    _in_fstring = 0

    @on_visit(cst.FormattedString)
    def visit_fstring(self, node: cst.FormattedString) -> None:
        self._in_fstring += 1

    @on_leave(cst.FormattedString)
    def leave_fstring(
        self, original: cst.FormattedString, updated: cst.FormattedString
    ) -> cst.FormattedString:
        self._in_fstring -= 1
        return updated

    # -- registrations, raising and subclassing ---------------------------------------------

    @on_visit(cst.Call)
    def visit_exception_use(self, node: cst.Call) -> None:
        # A class registered (one line per class follows) or built (``raise
        # requests.RequestException(msg)``) is no except clause to widen.
        self._registered = {*self._registered, id(_registration(node)), id(node.func)}
        # The classes ``isinstance`` or ``pytest.raises`` takes are widened like
        # an except clause's: nothing to say about them either.
        for arg in caught_args(node):
            elements = arg.value.elements if isinstance(arg.value, cst.Tuple) else []
            self._registered |= {id(arg.value), *(id(e.value) for e in elements)}

    def _per_class(self, original: cst.BaseExpression, updated: cst.Call) -> list[cst.Call]:
        """A registration for a requests class that stands for several: one call each."""
        arg = _registration(original) if isinstance(original, cst.Call) else None
        classes = self._classes(arg) if arg is not None else None
        if arg is None or classes is None or not updated.args:
            return [updated]
        first = updated.args[0]
        return [
            updated.with_changes(args=[first.with_changes(value=c), *updated.args[1:]])
            for c in classes
        ]

    def _registrations(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult | None:
        """``app.register_error_handler(requests.RequestException, h)`` -> one line per class."""
        if self.ctx.edits.map_exceptions != "httpx" or len(original.body) != 1:
            return None
        old, new = original.body[0], updated.body[0]
        if not (
            isinstance(old, cst.Expr)
            and isinstance(new, cst.Expr)
            and isinstance(new.value, cst.Call)
        ):
            return None
        calls = self._per_class(old.value, new.value)
        if len(calls) < 2:
            return None
        lines = [updated.with_changes(body=[new.with_changes(value=c)]) for c in calls]
        return cst.FlattenSentinel(
            [lines[0], *(line.with_changes(leading_lines=[]) for line in lines[1:])]
        )

    def _decorators(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        """``@app.errorhandler(requests.RequestException)`` -> one decorator per class."""
        if not self.ctx.edits.map_exceptions or len(original.decorators) != len(updated.decorators):
            return updated
        decorators: list[cst.Decorator] = []
        for old, new in zip(original.decorators, updated.decorators):
            if not isinstance(new.decorator, cst.Call):
                decorators.append(new)
                continue
            calls = self._per_class(old.decorator, new.decorator)
            if len(calls) > 1 or calls[0] is not new.decorator:
                if self.ctx.edits.map_exceptions == "both":  # requests' still raised elsewhere
                    decorators.append(new)
            decorators += [new.with_changes(decorator=c) for c in calls]
        return updated.with_changes(decorators=decorators)

    def _raised(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``requests.HTTPError(msg, response=r)`` built by the project's own code."""
        if self.ctx.edits.map_exceptions != "httpx" or not self._is_status_error(original.func):
            return updated
        keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
        positional = [a for a in updated.args if a.keyword is None]
        response = keywords.get("response")
        simple = response is not None and dotted_name(response) is not None
        simple = simple and len(positional) == 1 and not positional[0].star
        if simple and set(keywords) <= {"response", "request"}:
            if "request" in keywords:
                return updated
            assert response is not None
            if not self._carries_request(response):
                return updated.with_changes(func=cst.Name(self.ctx.use_helper(STATUS_ERROR)))
            request = cst.Attribute(value=response, attr=cst.Name("request"))
            args = append_arg(list(updated.args), keyword_arg("request", request))
            return updated.with_changes(args=args)
        return updated.with_changes(func=cst.Name(self.ctx.use_helper(STATUS_ERROR)))

    def _is_status_error(self, node: cst.BaseExpression) -> bool:
        name = self._requests_name(node)
        return name in ("requests.HTTPError", "requests.exceptions.HTTPError")

    @on_leave(cst.ClassDef)
    def leave_exception_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """``class ApiError(requests.HTTPError)``: its callers build it as requests
        allowed (no request, maybe no response): based on ``StatusError``."""
        if self.ctx.edits.map_exceptions != "httpx" or len(original.bases) != len(updated.bases):
            return updated
        bases = [
            new.with_changes(value=cst.Name(self.ctx.use_helper(STATUS_ERROR)))
            if old.keyword is None and self._is_status_error(old.value)
            else new
            for old, new in zip(original.bases, updated.bases)
        ]
        return updated.with_changes(bases=bases)


def _registration(call: cst.Call) -> cst.BaseExpression | None:
    """The exception class a handler registration names (its first argument)."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
    # A handler for one class (Flask, Starlette, FastAPI): one registration each.
    if name in REGISTRATIONS and call.args and call.args[0].keyword is None:
        return call.args[0].value
    return None
