"""MIG001, response attributes: requests' read as httpx's response has them.

``.ok`` -> ``not .is_error``, ``.reason`` -> ``.reason_phrase``, ``.url`` ->
``str(.url)`` (left as it is where an f-string formats it), ``.cookies.get_dict()``
-> ``dict(.cookies)``, a TODO on what httpx's response lacks, for the
responses of calls the rule rewrote, of awaited calls, of locals annotated
as responses, and of parameters the plan says are handed httpx responses
(see ``analyse/responses.py``). A parameter handed requests' responses too
(a gradual step) gets only forms both libraries' responses read alike:
``not 400 <= r.status_code < 600``, ``str(r.url)``; any other requests-only
attribute stays, with a TODO (the plan names it for review).
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ...analyse.responses import FIXES
from .base import on_leave, on_visit
from .http_annotations import AnnotationRewrites
from .http_common import FunctionState

RESPONSE_RENAMES = {"reason": "reason_phrase"}
# What requests' response has and httpx's has not, with what to do instead (FIXES
# names them; a streamed body's raw file and iterators have rules of their own).
# ``{r}`` is the response as the code names it.
REQUESTS_ONLY = {
    "is_permanent_redirect": "{r}.status_code in (301, 308)",
    "next": "follow {r}.next_request with the client's send()",
    "connection": "the client holds the connection",
}


def permanent_redirect(response: str) -> cst.BaseExpression:
    """requests' ``r.is_permanent_redirect``, read off either library's response."""
    return cst.parse_expression(
        f'({response}.status_code in (301, 308) and "location" in {response}.headers)'
    )


# requests' status error, as the code may name it.
STATUS_ERRORS = frozenset({"requests.HTTPError", "requests.exceptions.HTTPError"})

# requests' Response methods the fixes name; every other attribute they name is a
# property, so a name whose attribute of that name is called holds no response.
RESPONSE_METHODS = frozenset({"iter_content", "iter_lines", "raise_for_status"})


class ResponseRewrites(AnnotationRewrites):
    def _handed_responses(self, node: cst.FunctionDef, state: FunctionState) -> None:
        """Parameters the plan says are handed responses (see analyse/responses.py)
        get the fixes their kind allows, and their annotations follow: httpx's
        only, or requests' too. One annotated as a response that the plan does not
        follow is httpx's once every requests call of the project moves."""
        verdicts = self.ctx.edits.response_params.get(self.ctx.qualname, {})
        moved = self.ctx.edits.map_exceptions == "httpx"
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            name = param.name.value
            verdict = verdicts.get(name)
            if verdict == "httpx":
                state.responses.add(name)
                state.direct_responses.add(name)
            elif verdict == "both":
                state.either_responses.add(name)
            elif verdict is None and moved and self._names_response(param.annotation):
                state.responses.add(name)
            if verdict is not None:
                self.follow_annotation(param.annotation, httpx=verdict == "httpx")
        for held, verdict in verdicts.items():
            if held.startswith("self.") and verdict == "httpx":
                # ``self.response``, kept from a parameter so handed (see response_attrs).
                state.responses.add(held)
                state.direct_responses.add(held)
        returned = self.ctx.edits.response_returns.get(self.ctx.qualname)
        if returned is not None:
            self.follow_annotation(node.returns, httpx=returned == "httpx")

    @on_leave(cst.Call)
    def leave_cookie_dict(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``r.cookies.get_dict()`` -> ``dict(r.cookies)``: httpx's cookies have no
        ``get_dict``, and both libraries' are mappings of names to values."""
        func = original.func
        if original.args or not m.matches(
            func, m.Attribute(value=m.Attribute(attr=m.Name("cookies")), attr=m.Name("get_dict"))
        ):
            return updated
        # ``get_dict`` is the requests jar's own name: whatever holds it moves or not,
        # ``dict(jar)`` reads the same from either library's.
        jar = cst.ensure_type(cst.ensure_type(updated, cst.Call).func, cst.Attribute).value
        return cst.Call(func=cst.Name("dict"), args=[cst.Arg(jar)])

    @on_visit(cst.NamedExpr)
    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        """``(resp := requests.get(url)).ok``: the name holds a response too."""
        if not isinstance(node.target, cst.Name) or not isinstance(node.value, cst.Call):
            return
        pos = self.ctx.pos(node.value)
        if pos in self.ctx.edits.http_calls:
            self.functions[-1].responses.add(node.target.value)
            self.functions[-1].direct_responses.add(node.target.value)
        elif pos in self.ctx.edits.awaits and pos in self.ctx.edits.response_results:
            self.functions[-1].responses.add(node.target.value)

    # Names ``except requests.HTTPError as err`` binds where every requests call of
    # the project moves: ``err.response`` is httpx's response (the clause catches
    # httpx.HTTPStatusError), read as any other.
    _status_errors: tuple[str | None, ...] = ()

    @on_visit(cst.ExceptHandler)
    def visit_status_error(self, node: cst.ExceptHandler) -> None:
        name = node.name.name if node.name is not None else None
        caught = node.type
        types = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
        status = self.ctx.edits.map_exceptions == "httpx" and all(
            t is not None and self._requests_name(t) in STATUS_ERRORS for t in types
        )
        held = name.value if status and isinstance(name, cst.Name) else None
        self._status_errors = (*self._status_errors, held)

    @on_leave(cst.ExceptHandler)
    def leave_status_error(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        self._status_errors = self._status_errors[:-1]
        return updated

    def _response_attributes(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        owner = updated.value
        if self._is_direct_request(original.value):
            # requests.get(...).ok: the response of a call this rule rewrote.
            return self._response_attribute(original, updated, direct=True)
        if (
            m.matches(owner, m.Attribute(value=m.Name(), attr=m.Name("response")))
            and cst.ensure_type(cst.ensure_type(owner, cst.Attribute).value, cst.Name).value
            in self._status_errors
            and (id(original) not in self._called or updated.attr.value in RESPONSE_METHODS)
        ):
            # ``err.response.reason`` of a caught status error.
            return self._response_attribute(original, updated, direct=True)
        held = held_name(owner)
        if held is None:
            return updated
        if id(original) in self._called and updated.attr.value not in RESPONSE_METHODS:
            return updated
        state = self.functions[-1]
        attr = updated.attr.value
        if attr == "url" and id(original) in self._formatted:
            return updated
        if held in state.responses:
            return self._response_attribute(
                original, updated, direct=held in state.direct_responses
            )
        if not isinstance(owner, cst.Name):
            return updated
        if owner.value in state.either_responses:
            return self._either_attribute(original, updated, owner.value, attr)
        return updated

    # ``f"{resp.url}"``: formatted, an httpx.URL reads as requests' str did.
    _formatted: set[int] = set()
    # ``pages.next()``: called, so no attribute of a response (``next`` is a property
    # on requests'): the name holds some other object.
    _called: set[int] = set()

    @on_visit(cst.Call)
    def visit_called_attribute(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Attribute):
            self._called = {*self._called, id(node.func)}

    @on_visit(cst.FormattedStringExpression)
    def visit_formatted(self, node: cst.FormattedStringExpression) -> None:
        if node.conversion is None and node.format_spec is None:
            self._formatted = {*self._formatted, id(node.expression)}

    def _is_direct_request(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.NamedExpr):  # ``(r := requests.get(url)).ok``
            node = node.value
        pos = self.ctx.pos(node) if isinstance(node, cst.Call) else None
        edit = self.ctx.edits.http_calls.get(pos) if pos is not None else None
        # httpx's own (a sync client's call): its response has nothing of requests' to fix.
        return edit is not None and not edit.entry.name.startswith("httpx")

    def _response_attribute(
        self, original: cst.Attribute, updated: cst.Attribute, direct: bool
    ) -> cst.BaseExpression:
        attr = updated.attr.value
        if attr == "is_permanent_redirect" and isinstance(updated.value, cst.Name):
            return permanent_redirect(updated.value.value)
        if attr in REQUESTS_ONLY:
            # The response's name where it has one (``requests.get(url).next``: none).
            owner = updated.value.value if isinstance(updated.value, cst.Name) else ""
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                f".{attr} is requests' only: {REQUESTS_ONLY[attr].format(r=owner)}",
                "httpx's response has no such attribute: as code it raises AttributeError",
            )
        if attr == "apparent_encoding":
            # httpx guesses no charset: charset_normalizer does, as requests asked it.
            guess = cst.Name(self.ctx.use_helper("apparent_encoding"))
            return cst.Call(func=guess, args=[cst.Arg(updated.value)])
        if attr == "ok":
            # requests' ``ok`` is "not 4xx/5xx": exactly ``not is_error``, and
            # ``not r.ok`` becomes ``r.is_error`` (see the transformer).
            return self.ctx.negation(updated.with_changes(attr=cst.Name("is_error")))
        if attr in RESPONSE_RENAMES:
            return updated.with_changes(attr=cst.Name(RESPONSE_RENAMES[attr]))
        if direct and attr == "url":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(updated)])
        return updated

    def _either_attribute(
        self, original: cst.Attribute, updated: cst.Attribute, owner: str, attr: str
    ) -> cst.BaseExpression:
        """An attribute of what may be requests' response or httpx's: the forms both
        libraries read alike (others stay, and the plan names them for review)."""
        if attr == "ok":
            return self.ctx.negation(self._is_error(owner))
        if attr == "is_permanent_redirect" and isinstance(updated.value, cst.Name):
            return permanent_redirect(updated.value.value)
        if attr == "url":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(updated)])
        if attr in FIXES and not FIXES[attr][1]:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                f"{owner}.{attr} is requests' only: {owner} may be an httpx response now",
                f"{owner} is handed httpx responses by code this step moves and requests"
                " responses by code that stays (see the plan's review items)",
            )
        return updated


def held_name(owner: cst.BaseExpression) -> str | None:
    """``r`` for a name, ``self.response`` for an attribute of the instance; else None."""
    if isinstance(owner, cst.Name):
        return owner.value
    if m.matches(owner, m.Attribute(value=m.Name("self"), attr=m.Name())):
        return f"self.{cst.ensure_type(owner, cst.Attribute).attr.value}"
    return None
