"""responses -> respx, the half of MIG008 http-mocks for the ``responses`` library.

``responses`` patches requests only; once the code under test sends through
httpx, its mocks must move too, with the same URLs, methods, statuses,
bodies and call assertions:

* ``@responses.activate`` -> ``@respx.mock`` (respx's global router, like
  responses, does not fail on mocks left unused);
* ``responses.add(responses.GET, url, json=.., status=..)`` and
  ``responses.get(url, ...)`` -> ``respx.get(url).mock(return_value=
  httpx.Response(status, json=..))``; ``body=`` a string -> ``text=``,
  other bodies -> ``content=``, an exception -> ``side_effect=`` (a body that
  may be either, a choice written out: :mod:`.raised_bodies`);
  ``content_type=`` -> a ``Content-Type`` header; matchers
  (``json_params_matcher``, ``query_param_matcher``, ``header_matcher``,
  ``urlencoded_params_matcher``) -> the route's ``json=``, ``params__eq=``
  (``params=`` for ``strict_match=False``), ``headers=``, ``data=``
  patterns; ``match_querystring=`` -> the route's
  URL with its query (matched exactly) or without it;
* ``responses.add_callback(method, url, callback=cb, content_type=..)`` ->
  ``respx.get(url).mock(side_effect=responses_callback(cb, ..))``: the
  helpers module's adapter hands ``cb`` the request as requests prepared it
  (``.body``, ``.url`` a string, ``.params``) and makes an httpx response of
  the ``(status, headers, body)`` it returns;
* the same route registered again in one block (responses answers the
  registrations in turn, the last again after) -> one route answering in turn;
  a route with a query goes before the same one without (:mod:`.route_order`);
* ``responses.calls`` -> ``respx.calls`` (``.request.body`` ->
  ``.request.content``, ``.request.url`` -> ``str(.request.url)``,
  ``.request.params`` -> ``responses_params(.request)`` from the helpers module);
* a request no registration matches: responses raises requests'
  ``ConnectionError`` (tests rely on it to stand for a network failure),
  respx an ``AllMockedAssertionError``; every router moved off responses
  raises ``httpx.ConnectError`` for it (:mod:`.unmatched`).

``responses.RequestsMock`` objects move to respx routers in
:mod:`.responses_objects`. A file using anything else of responses
(registries, ``passthru``, other matchers) keeps its mocks whole (see
plan/responses_uses.py).
"""

from __future__ import annotations

import libcst as cst

from ....analyse.catalogue import HTTP_VERBS
from ...context import RuleContext
from ...nodes import code_of, dotted_name
from ..base import on_leave, on_visit
from .raised_bodies import Kinds, function_kinds, is_exception, module_kinds
from .recorded_locals import recorded_locals
from .route_order import queried_routes_first
from .unmatched import UnmatchedRequests

MATCHERS = {
    "json_params_matcher": "json",
    "query_param_matcher": "params",
    "header_matcher": "headers",
    "urlencoded_params_matcher": "data",
}
# The matchers' first parameter, when not ``params``.
MATCHER_ARGS = {"header_matcher": "headers"}
RESPONSES_PARAMS = "responses_params"
RESPONSE_KEYWORDS = ("status", "json", "body", "headers", "content_type")


class ResponsesMock(UnmatchedRequests):
    """responses -> respx; :class:`~migrate.rewrite.rules.http_mocks.HttpMocks` calls it."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        # What the module's names are bound to, and each function's (raised_bodies.py).
        self._module_kinds: Kinds = {}
        self._function_kinds: list[Kinds] = []
        # ``@responses.activate`` decorating a class (original nodes).
        self._activated_classes: set[cst.Decorator] = set()
        # Per function, innermost last: its locals holding recorded calls and requests.
        self._recorded: list[tuple[set[str], set[str]]] = []

    @on_visit(cst.ClassDef)
    def note_activated_class(self, node: cst.ClassDef) -> None:
        if self.ctx.edits.http_mocks:
            self._activated_classes.update(
                d for d in node.decorators if dotted_name(d.decorator) == "responses.activate"
            )

    @on_visit(cst.Module)
    def find_raised_bodies(self, node: cst.Module) -> None:
        if self.ctx.edits.http_mocks:
            self._module_kinds = module_kinds(node)

    @on_visit(cst.FunctionDef)
    def enter_raised_bodies(self, node: cst.FunctionDef) -> None:
        self._function_kinds.append(function_kinds(node) if self.ctx.edits.http_mocks else {})
        held = recorded_locals(node, self._calls()) if self.ctx.edits.http_mocks else None
        self._recorded.append(held or (set(), set()))

    @on_leave(cst.FunctionDef)
    def leave_raised_bodies(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self._function_kinds.pop()
        self._recorded.pop()
        return updated

    def _body_raised(self, body: cst.BaseExpression) -> bool | None:
        """Whether ``body`` is an exception responses raises: None when it may be."""
        if is_exception(body):
            return True
        if isinstance(body, cst.Name):
            for kinds in (*self._function_kinds[-1:], self._module_kinds):
                if body.value in kinds:
                    return kinds[body.value]
            return None
        if isinstance(body, cst.Attribute | cst.Subscript):
            return None
        return False

    def _responses_decorator(
        self, original: cst.Decorator, updated: cst.Decorator
    ) -> cst.Decorator:
        """``@responses.activate`` -> ``@respx.mock``."""
        self._imports()
        if original in self._activated_classes:
            # Both wrap the class as a function: its tests never ran, and still do not.
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "a class under activate is a function: its tests never ran",
            )
        self.ctx.note(self.code, self.ctx.line(original), "@responses.activate -> @respx.mock")
        return updated.with_changes(decorator=cst.parse_expression("respx.mock"))

    def _responses_attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        """``responses.calls`` -> ``respx.calls``, its requests' ``.body`` -> ``.content``
        and ``.url`` a string again."""
        if dotted_name(updated) == "responses.calls":
            self._imports()
            return updated.with_changes(value=cst.Name("respx"))
        if dotted_name(original) == "responses.RequestsMock":
            self._imports()
            return cst.parse_expression("respx.MockRouter")
        request, _, attr = code_of(original).rpartition(".")
        if not self._recorded_request(request):
            return updated
        if attr == "body":
            return updated.with_changes(attr=cst.Name("content"))
        if attr == "params":
            # responses adds the query to the requests it records; httpx's have none.
            helper = self.ctx.use_helper(RESPONSES_PARAMS)
            return cst.Call(cst.Name(helper), [cst.Arg(updated.value)])
        if attr == "url":
            # A string in requests (``.endswith``, ``in``), an httpx.URL here.
            return cst.Call(cst.Name("str"), [cst.Arg(updated)])
        return updated

    def _calls(self) -> tuple[str, ...]:
        return tuple(f"{router}.calls" for router in ("responses", *self._holders))

    def _recorded_request(self, text: str) -> bool:
        """``responses.calls[0].request``, or a local holding a recorded call's or request."""
        held_calls, held_requests = self._recorded[-1] if self._recorded else (set(), set())
        owner, _, attr = text.rpartition(".")
        if text in held_requests:
            return True
        return attr == "request" and (owner.startswith(self._calls()) or owner in held_calls)

    def _responses_call(
        self, original: cst.Call, updated: cst.Call, router: str = "respx", method: str = ""
    ) -> cst.BaseExpression:
        """``responses.add(...)`` / ``responses.get(...)`` -> a respx route (of
        ``router``: a RequestsMock's registrations go to the router it became)."""
        method = method or (dotted_name(updated.func) or "").split(".", 1)[1]
        line = self.ctx.line(original)
        if method in ("add", "replace", "upsert"):
            args = list(updated.args)
            positional = [a for a in args if a.keyword is None]
            keywords = {a.keyword.value: a.value for a in args if a.keyword is not None}
            verb_node = positional[0].value if positional else keywords.pop("method", None)
            url = positional[1].value if len(positional) > 1 else keywords.pop("url", None)
            if len(positional) > 2:
                keywords["body"] = positional[2].value
            verb = self._verb(verb_node)
        elif method == "add_callback":
            return self._callback_route(updated, line, router)
        elif method in HTTP_VERBS:
            positional = [a for a in updated.args if a.keyword is None]
            keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
            url = positional[0].value if positional else keywords.pop("url", None)
            verb = method
        else:
            if method not in ("activate", "calls") and "." not in method:
                self.ctx.todo(line, self.code, f"responses.{method}() has no respx rewrite here")
            return updated
        if verb is None or url is None:
            self.ctx.todo(line, self.code, "responses registration not understood; port to respx")
            return updated
        converted = self._route(verb, url, keywords, line, router)
        if converted is None:
            return updated
        self._imports()
        self.ctx.note(self.code, line, f"responses {verb.upper()} mock -> respx route")
        return converted

    @on_leave(cst.IndentedBlock)
    def merge_repeated_routes(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """The same route registered twice: responses answers each registration in
        turn, and the last one again after."""
        if not self.ctx.edits.http_mocks:
            return updated
        groups: dict[str, list[int]] = {}
        body = list(updated.body)
        routers = {"respx", *self._holders}
        for index, stmt in enumerate(body):
            route = _route_of(stmt, routers)
            if route is not None:
                groups.setdefault(code_of(route[0]), []).append(index)
        drop: set[int] = set()
        for indexes in groups.values():
            # ``replace``/``upsert`` put a new answer in place of the earlier one, as
            # registering a respx route again does.
            if len(indexes) < 2 or (
                len(original.body) == len(body)
                and any(_replaces(original.body[i]) for i in indexes)
            ):
                continue
            answers = []
            for index in indexes:
                route = _route_of(body[index], routers)
                assert route is not None
                answers.append(route[1])
            first = _route_of(body[indexes[0]], routers)
            assert first is not None
            # responses repeats the last answer; a respx list is used up.
            in_turn = self.ctx.use_helper("answers_in_turn")
            listed = ", ".join(code_of(a) for a in answers)
            merged = cst.parse_expression(
                f"{code_of(first[0])}.mock(side_effect={in_turn}({listed}))"
            )
            stmt = body[indexes[0]]
            assert isinstance(stmt, cst.SimpleStatementLine)
            body[indexes[0]] = stmt.with_changes(body=[cst.Expr(merged)])
            drop.update(indexes[1:])
        body = [s for i, s in enumerate(body) if i not in drop]
        ordered = queried_routes_first(body, lambda stmt: _route_of(stmt, routers))
        if not drop and all(a is b for a, b in zip(ordered, body, strict=True)):
            return updated
        return updated.with_changes(body=ordered)

    # -- helpers -----------------------------------------------------------------------

    def _imports(self) -> None:
        self.ctx.add_import("respx")
        self.ctx.maybe_remove_import("responses")
        self.ctx.maybe_remove_import("responses", "matchers")
        if "RequestsMock" in self._makers:
            self.ctx.maybe_remove_import("responses", "RequestsMock")

    def _verb(self, node: cst.BaseExpression | None) -> str | None:
        if node is None:
            return None
        if isinstance(node, cst.SimpleString):
            verb = node.evaluated_value
            verb = verb.decode() if isinstance(verb, bytes) else verb
        else:
            verb = (
                (dotted_name(node) or "").rsplit(".", 1)[-1]
                if (dotted_name(node) or "").startswith("responses.")
                else ""
            )
        return verb.lower() if verb.lower() in HTTP_VERBS else None

    def _query_matched(
        self, url: cst.BaseExpression, match: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        """The URL a respx route needs for ``match_querystring=``, or None.

        A respx route given a URL with a query matches that exact query, as
        ``match_querystring=True`` (and responses' own default for a URL with
        a query) did; ``False`` ignores the query, so a literal URL loses it.
        """
        strict = _literal_bool(match)
        if strict:
            return url
        if strict is False and isinstance(url, cst.SimpleString):
            text = url.evaluated_value
            if isinstance(text, str):
                base = text.split("?", 1)[0]
                return url if base == text else cst.SimpleString(repr(base).replace("'", '"'))
        return None

    def _callback_route(
        self, updated: cst.Call, line: int, router: str = "respx"
    ) -> cst.BaseExpression:
        """``responses.add_callback(method, url, callback, content_type=)`` -> a respx
        route whose side effect calls the callback as responses did."""
        positional = [a.value for a in updated.args if a.keyword is None]
        keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
        names = ("method", "url", "callback")
        given = dict(zip(names, positional, strict=False)) | {
            k: keywords.pop(k) for k in names if k in keywords
        }
        unknown = sorted(set(keywords) - {"content_type", "match", "match_querystring"})
        verb = self._verb(given.get("method"))
        if len(positional) > len(names) or verb is None or len(given) < len(names) or unknown:
            self.ctx.todo(line, self.code, "responses.add_callback not understood; port to respx")
            return updated
        url = given["url"]
        if "match_querystring" in keywords:
            matched = self._query_matched(url, keywords["match_querystring"])
            if matched is None:
                self.ctx.todo(line, self.code, "responses match_querystring= not ported")
                return updated
            url = matched
        route = self._route_call(verb, url, keywords.get("match"), line, router)
        if route is None:
            return updated
        args = [code_of(given["callback"])]
        if "content_type" in keywords:
            args.append(f"content_type={code_of(keywords['content_type'])}")
        answer = f"{self.ctx.use_helper('responses_callback')}({', '.join(args)})"
        self._imports()
        self.ctx.note(self.code, line, f"responses {verb.upper()} callback -> respx side effect")
        return cst.parse_expression(f"{route}.mock(side_effect={answer})")

    def _route(
        self,
        verb: str,
        url: cst.BaseExpression,
        keywords: dict[str, cst.BaseExpression],
        line: int,
        router: str = "respx",
    ) -> cst.BaseExpression | None:
        if "match_querystring" in keywords:
            bare = self._query_matched(url, keywords.pop("match_querystring"))
            if bare is None:
                self.ctx.todo(line, self.code, "responses match_querystring= not ported")
                return None
            url = bare
        unknown = sorted(set(keywords) - {*RESPONSE_KEYWORDS, "match"})
        if unknown:
            self.ctx.todo(line, self.code, f"responses option {', '.join(unknown)} not ported")
            return None
        route = self._route_call(verb, url, keywords.get("match"), line, router)
        if route is None:
            return None
        body = keywords.get("body")
        raised = self._body_raised(body) if body is not None else False
        if raised and body is not None:
            return cst.parse_expression(f"{route}.mock(side_effect={code_of(body)})")
        self.ctx.add_import("httpx")
        status = keywords.get("status")
        response_args = [code_of(status) if status is not None else "200"]
        if "json" in keywords:
            response_args.append(f"json={code_of(keywords['json'])}")
        if body is not None:
            kind = "text" if isinstance(body, cst.SimpleString | cst.FormattedString) else "content"
            if isinstance(body, cst.SimpleString) and body.prefix.lower().startswith("b"):
                kind = "content"
            response_args.append(f"{kind}={code_of(body)}")
        headers = keywords.get("headers")
        content_type = keywords.get("content_type")
        if content_type is not None:
            extra = f'"Content-Type": {code_of(content_type)}'
            merged = f"{{**{code_of(headers)}, {extra}}}" if headers is not None else f"{{{extra}}}"
            response_args.append(f"headers={merged}")
        elif headers is not None:
            response_args.append(f"headers={code_of(headers)}")
        response = f"httpx.Response({', '.join(response_args)})"
        if raised is None and body is not None:
            # An exception or a body, known at run time: responses raised the one.
            either = f"{code_of(body)} if isinstance({code_of(body)}, Exception) else {response}"
            return cst.parse_expression(f"{route}.mock(side_effect={either})")
        return cst.parse_expression(f"{route}.mock(return_value={response})")

    def _route_call(
        self,
        verb: str,
        url: cst.BaseExpression,
        match: cst.BaseExpression | None,
        line: int,
        router: str = "respx",
    ) -> str | None:
        """``respx.get(url, json=...)``: the route, its patterns from ``match=``."""
        route_args = [code_of(url)]
        if match is not None:
            if not isinstance(match, cst.List | cst.Tuple):
                self.ctx.todo(line, self.code, "responses match= not understood; port to respx")
                return None
            for element in match.elements:
                matcher = element.value
                kind = (
                    (dotted_name(matcher.func) or "").rsplit(".", 1)[-1]
                    if isinstance(matcher, cst.Call)
                    else ""
                )
                pattern = _pattern(kind, matcher) if isinstance(matcher, cst.Call) else None
                if pattern is None:
                    self.ctx.todo(line, self.code, f"responses matcher {kind or '?'} not ported")
                    return None
                route_args.append(pattern)
        return f"{router}.{verb}({', '.join(route_args)})"


def _pattern(kind: str, matcher: cst.Call) -> str | None:
    """The respx pattern of a responses matcher (``params__eq={...}``), None when it
    has none. ``query_param_matcher`` is strict by default: the request's query must
    be those parameters, which respx's ``params__eq=`` checks; ``params=`` checks that
    it has them among others, as ``strict_match=False`` does. The plan keeps the mocks
    whole for the other matchers' options (plan/responses_uses.py)."""
    if kind not in MATCHERS:
        return None
    given = next((a.value for a in matcher.args if a.keyword is None), None)
    options = {a.keyword.value: a.value for a in matcher.args if a.keyword is not None}
    given = options.pop(MATCHER_ARGS.get(kind, "params"), given)
    if given is None:
        return None
    keyword = MATCHERS[kind]
    if kind == "query_param_matcher":
        strict = options.pop("strict_match", cst.Name("True"))
        if _literal_bool(strict) is None:
            return None
        keyword += "__eq" if _literal_bool(strict) else ""
    return f"{keyword}={code_of(given)}"


def _literal_bool(node: cst.BaseExpression) -> bool | None:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def _replaces(stmt: cst.BaseStatement) -> bool:
    """``rsps.replace(...)`` / ``rsps.upsert(...)`` as a statement."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return False
    expr = stmt.body[0]
    return (
        isinstance(expr, cst.Expr)
        and isinstance(expr.value, cst.Call)
        and isinstance(expr.value.func, cst.Attribute)
        and expr.value.func.attr.value in ("replace", "upsert")
    )


def _route_of(
    stmt: cst.BaseStatement, routers: set[str]
) -> tuple[cst.Call, cst.BaseExpression] | None:
    """``respx.get(url).mock(return_value=r)`` (or a router's ``rsps.get(url)``) as a
    statement: (the route call, r)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    expr = stmt.body[0]
    if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
        return None
    call = expr.value
    if not isinstance(call.func, cst.Attribute) or call.func.attr.value != "mock":
        return None
    route = call.func.value
    if (
        not isinstance(route, cst.Call)
        or (dotted_name(route.func) or "").rpartition(".")[0] not in routers
    ):
        return None
    if len(call.args) != 1 or call.args[0].keyword is None:
        return None
    if call.args[0].keyword.value not in ("return_value", "side_effect"):
        return None
    value = call.args[0].value
    if call.args[0].keyword.value == "side_effect" and isinstance(value, cst.List):
        return None
    return route, value
