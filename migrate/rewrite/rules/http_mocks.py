"""MIG008 http-mocks: ``responses`` mocks move to ``respx`` with the client.

``responses`` patches requests only; once the code under test sends through
httpx, its mocks must move too, with the same URLs, methods, statuses,
bodies and call assertions:

* ``@responses.activate`` -> ``@respx.mock`` (respx's global router, like
  responses, does not fail on mocks left unused);
* ``responses.add(responses.GET, url, json=.., status=..)`` and
  ``responses.get(url, ...)`` -> ``respx.get(url).mock(return_value=
  httpx.Response(status, json=..))``; ``body=`` a string -> ``text=``,
  other bodies -> ``content=``, an exception -> ``side_effect=``;
  ``content_type=`` -> a ``Content-Type`` header; matchers
  (``json_params_matcher``, ``query_param_matcher``, ``header_matcher``,
  ``urlencoded_params_matcher``) -> the route's ``json=``, ``params=``,
  ``headers=``, ``data=`` patterns;
* the same route registered again in one block (responses answers the
  registrations in turn) -> one route with ``side_effect=[...]``;
* ``responses.calls`` -> ``respx.calls`` (``.request.body`` ->
  ``.request.content``).

Anything else of responses (callbacks, registries, ``RequestsMock`` objects,
other matchers) gets a TODO.

requests-mock the same way:

* the ``requests_mock`` pytest fixture -> respx's ``respx_mock`` fixture;
  ``with requests_mock.Mocker() as m`` -> ``with respx.mock(assert_all_called=
  False) as m``; ``@requests_mock.Mocker()`` and its mocker argument ->
  ``@respx.mock`` and a ``respx_mock`` parameter (respx passes its router);
* ``m.get(url, json=.., status_code=.., text=.., content=.., headers=..)``
  (any verb, ``request``/``register_uri``) -> ``m.get(url).mock(return_value=
  httpx.Response(..))``; ``exc=`` -> ``side_effect=`` (requests' exception
  mapped to the one httpx raises); a list of responses -> ``side_effect=[..]``;
* call assertions: ``m.called`` / ``call_count`` / ``last_request`` /
  ``request_history`` -> ``m.calls.called`` / ``.calls.call_count`` /
  ``.calls.last.request`` / ``.calls[i].request`` (on a route the same
  without ``.calls`` for the counts); the request's ``.json()``, ``.text``,
  ``.body``, ``.qs``, ``.query``, ``.path``, ``.hostname`` ... -> their httpx
  forms.

Callbacks, ``additional_matcher=``, ``real_http=``, cookies, raw bodies and
other attributes get a TODO.
"""

from __future__ import annotations

import libcst as cst

from ..context import RuleContext
from .base import Rule, on_leave, on_visit

VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
MATCHERS = {
    "json_params_matcher": "json",
    "query_param_matcher": "params",
    "header_matcher": "headers",
    "urlencoded_params_matcher": "data",
}
RESPONSE_KEYWORDS = ("status", "json", "body", "headers", "content_type")


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _name(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_name(node.value)}.{node.attr.value}"
    return ""


def _is_exception(node: cst.BaseExpression) -> bool:
    """``requests.ConnectionError("x")``, ``httpx.ConnectError``: raised, not returned."""
    target = node.func if isinstance(node, cst.Call) else node
    last = _name(target).rsplit(".", 1)[-1]
    return last.endswith(("Error", "Exception", "Timeout"))


# -- requests-mock ------------------------------------------------------------------------

CODE = "MIG008"
RM_VERBS = (*VERBS, "request", "register_uri")
# requests-mock response options -> httpx.Response keywords.
RM_RESPONSE = {"json": "json", "text": "text", "content": "content", "headers": "headers"}
# requests exception raised by a mock -> the httpx exception httpx raises in that case.
RM_RAISES = {
    "ConnectionError": "ConnectError",
    "SSLError": "ConnectError",
    "ProxyError": "ProxyError",
    "ConnectTimeout": "ConnectTimeout",
    "ReadTimeout": "ReadTimeout",
    "Timeout": "TimeoutException",
    "RequestException": "RequestError",
    "TooManyRedirects": "TooManyRedirects",
    "ChunkedEncodingError": "RemoteProtocolError",
    "ContentDecodingError": "DecodingError",
}
# The recorded request, requests-mock -> httpx. requests-mock lowercases the URL
# parts it splits out (case_sensitive=False, its default): so do these.
RM_REQUEST = {
    "url": "{r}.url",
    "method": "{r}.method",
    "headers": "{r}.headers",
    "body": "{r}.content",
    "text": "{r}.content.decode()",
    "scheme": "{r}.url.scheme",
    "hostname": "{r}.url.host",
    "netloc": "{r}.url.netloc.decode().lower()",
    "path": "{r}.url.path.lower()",
    "query": "{r}.url.query.decode().lower()",
    "qs": "parse_qs({r}.url.query.decode().lower(), keep_blank_values=True)",
}


def _is_mocker_call(node: cst.BaseExpression) -> bool:
    """``requests_mock.Mocker(...)``."""
    return isinstance(node, cst.Call) and _name(node.func) == "requests_mock.Mocker"


def _mocker_options(call: cst.Call) -> str | None:
    """The first ``requests_mock.Mocker(...)`` option respx has no twin for, if any."""
    for arg in call.args:
        key = arg.keyword.value if arg.keyword is not None else None
        if key == "kw" or (key == "case_sensitive" and _code(arg.value) == "True"):
            continue
        return key or "..."
    return None


def _string(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode() if isinstance(value, bytes) else value
    return None


class _Scan(cst.CSTVisitor):
    """Names of one function that hold requests-mock objects, from its original code."""

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        self.assigns: list[tuple[str, cst.BaseExpression]] = []
        self.loops: list[tuple[str, cst.BaseExpression]] = []  # for name in X.request_history
        self.indexed: set[cst.CSTNode] = set()  # ``X.request_history`` subscripted or len()'d
        self.blocks: dict[str, cst.With] = {}  # mockers of ``with`` blocks

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # nested functions get their own scan

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if (
                _is_mocker_call(item.item)
                and item.asname
                and isinstance(item.asname.name, cst.Name)
            ):
                self.blocks[item.asname.name.value] = node

    def visit_WithItem(self, node: cst.WithItem) -> None:
        item, asname = node.item, node.asname
        if not isinstance(item, cst.Call) or not _is_mocker_call(item) or _mocker_options(item):
            return  # a Mocker respx cannot stand for stays requests-mock, uses and all
        if asname is not None and isinstance(asname.name, cst.Name):
            self.kinds[asname.name.value] = "mocker"

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self.assigns.append((node.targets[0].target.value, node.value))

    def visit_For(self, node: cst.For) -> None:
        if isinstance(node.target, cst.Name):
            self.loops.append((node.target.value, node.iter))

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if isinstance(node.value, cst.Attribute) and node.value.attr.value == "request_history":
            self.indexed.add(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        if _name(node.func) == "len" and len(node.args) == 1:
            arg = node.args[0].value
            if isinstance(arg, cst.Attribute) and arg.attr.value == "request_history":
                self.indexed.add(arg)


class RequestsMock:
    """requests-mock -> respx, the half of MIG008 that works by names.

    requests-mock objects are found per function: the ``requests_mock``
    fixture parameter, ``with requests_mock.Mocker() as m``, the mocker a
    ``@requests_mock.Mocker()`` decorator passes, matchers assigned from a
    registration, and requests taken from the history.
    """

    ctx: RuleContext
    _rm_frames: list[dict[str, str]]

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)  # type: ignore[call-arg]
        self._rm_frames = []
        self._rm_renames: dict[cst.CSTNode, str] = {}
        self._rm_indexed: set[cst.CSTNode] = set()
        # Per function: the last line of the ``with`` block of each mocker made so.
        self._rm_block_ends: list[dict[str, int]] = []
        # ``@requests_mock.Mocker(...)`` decorators left as they are (their mocker not found).
        self._rm_kept: set[cst.CSTNode] = set()
        self._rm_callbacks: set[str] | None = None
        self._rm_imported: dict[str, str] | None = None

    @property
    def active(self) -> bool:
        raise NotImplementedError

    # -- scopes ---------------------------------------------------------------------

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if not self.active:
            return
        kinds = dict(self._rm_frames[-1]) if self._rm_frames else {}
        renames: dict[str, str] = {}
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        for param in params:
            kinds.pop(param.name.value, None)
            if param.name.value == "requests_mock":
                kinds["requests_mock"] = "mocker"
                renames["requests_mock"] = "respx_mock"
        for decorator in node.decorators:
            if not isinstance(decorator.decorator, cst.Call) or not _is_mocker_call(
                decorator.decorator
            ):
                continue
            mocker = self._decorated_mocker(node, decorator.decorator)
            if mocker is None or _mocker_options(decorator.decorator):
                self._rm_kept.add(decorator.decorator)
            else:
                kinds[mocker] = "mocker"
                if mocker != "respx_mock":
                    renames[mocker] = "respx_mock"
        scan = _Scan(kinds)
        node.body.visit(scan)
        for _ in range(2):  # a matcher, then a request taken from it
            for name, value in scan.assigns:
                if isinstance(value, cst.Call) and self._registration(value, kinds):
                    kinds[name] = "route"
                elif self._kind(value, kinds) == "request":
                    kinds[name] = "request"
            for name, value in scan.loops:
                if isinstance(value, cst.Attribute) and value.attr.value == "request_history":
                    if self._kind(value.value, kinds) in ("mocker", "route"):
                        kinds[name] = "request"
        self._rm_indexed |= scan.indexed
        ends = dict(self._rm_block_ends[-1]) if self._rm_block_ends else {}
        for param in params:
            ends.pop(param.name.value, None)
        for name, block in scan.blocks.items():
            pos = self.ctx.pos(block)
            if pos is not None and kinds.get(name) == "mocker":
                ends[name] = pos[2]
        self._rm_block_ends.append(ends)
        if renames:
            for param in params:
                if param.name.value in renames:
                    self._rm_renames[param.name] = renames[param.name.value]
            node.body.visit(_Renames(renames, self._rm_renames))
        self._rm_frames.append(kinds)

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if self._rm_frames:
            self._rm_frames.pop()
            self._rm_block_ends.pop()
        return updated

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        new = self._rm_renames.get(original)
        if new is None or not isinstance(updated, cst.Name):
            return updated
        return updated.with_changes(value=new)

    def _decorated_mocker(self, node: cst.FunctionDef, call: cst.Call) -> str | None:
        """The parameter ``@requests_mock.Mocker()`` passes its mocker to."""
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "kw":
                name = _string(arg.value)
                return name if name in {p.name.value for p in params} else None
        positional = [*node.params.posonly_params, *node.params.params]
        if not positional or positional[-1].name.value in ("self", "cls"):
            return None
        return positional[-1].name.value

    def _kind(self, node: cst.BaseExpression, kinds: dict[str, str] | None = None) -> str | None:
        """What an original expression holds: "mocker", "route", "request" or None."""
        kinds = kinds if kinds is not None else (self._rm_frames[-1] if self._rm_frames else {})
        if isinstance(node, cst.Name):
            return kinds.get(node.value)
        if isinstance(node, cst.Attribute) and node.attr.value == "last_request":
            return "request" if self._kind(node.value, kinds) in ("mocker", "route") else None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            inner = node.value
            if isinstance(inner, cst.Attribute) and inner.attr.value == "request_history":
                if isinstance(node.slice[0].slice, cst.Index):
                    if self._kind(inner.value, kinds) in ("mocker", "route"):
                        return "request"
        return None

    def _registration(self, call: cst.Call, kinds: dict[str, str] | None = None) -> bool:
        func = call.func
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value in RM_VERBS
            and self._kind(func.value, kinds) == "mocker"
        )

    # -- hooks (called by HttpMocks) -------------------------------------------------------

    def _rm_decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        """``@requests_mock.Mocker()``, already made ``respx.mock(...)``: respx's global router."""
        if _is_mocker_call(original.decorator) and _code(updated.decorator) == (
            "respx.mock(assert_all_called=False)"
        ):
            return updated.with_changes(decorator=cst.parse_expression("respx.mock"))
        return updated

    def _rm_attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression | None:
        attr = original.attr.value
        line = self.ctx.line(original)
        owner = self._kind(original.value)
        value = _code(updated.value)
        if owner in ("mocker", "route"):
            calls = f"{value}.calls" if owner == "mocker" else value
            block_end = self._rm_block_ends[-1].get(_name(original.value), line)
            if owner == "mocker" and line > block_end and attr not in RM_VERBS:
                self.ctx.todo(
                    line, CODE, "respx forgets the calls when the with block ends: check inside it"
                )
            if attr in ("called", "call_count"):
                return cst.parse_expression(f"{calls}.{attr}")
            if attr == "called_once":
                return cst.parse_expression(f"{calls}.call_count == 1")
            if attr == "last_request":
                return cst.parse_expression(f"{value}.calls.last.request")
            if attr == "request_history":
                if original in self._rm_indexed:
                    return cst.parse_expression(f"{value}.calls")
                return cst.parse_expression(f"[call.request for call in {value}.calls]")
            if attr in ("reset_mock", "reset"):
                return updated.with_changes(attr=cst.Name("reset"))
            if attr not in RM_VERBS:
                self.ctx.todo(line, CODE, f"requests-mock .{attr} has no respx rewrite here")
            return None
        if owner == "request":
            if attr == "json":
                return None  # the call is rewritten in _rm_call
            template = RM_REQUEST.get(attr)
            if template is None:
                self.ctx.todo(line, CODE, f"requests-mock request .{attr} not ported")
                return None
            if attr == "qs":
                self.ctx.add_import("urllib.parse", "parse_qs")
            return cst.parse_expression(template.format(r=value))
        if _name(original.value) == "requests_mock" and attr not in ("Mocker", "ANY"):
            self.ctx.todo(line, CODE, f"requests_mock.{attr} has no respx rewrite here")
        return None

    @on_leave(cst.Subscript)
    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``m.request_history[i]`` (already ``m.calls[i]``) -> ``m.calls[i].request``."""
        if not self.active or not isinstance(updated, cst.Subscript):
            return updated
        inner = original.value
        if not (isinstance(inner, cst.Attribute) and inner in self._rm_indexed):
            return updated
        if self._kind(original) == "request":
            return cst.Attribute(value=updated, attr=cst.Name("request"))
        return cst.parse_expression(f"[call.request for call in {_code(updated)}]")

    def _rm_call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        line = self.ctx.line(original)
        if _is_mocker_call(original):
            return self._mocker(original, updated, line)
        if not isinstance(func, cst.Attribute) or not isinstance(updated.func, cst.Attribute):
            return updated
        if func.attr.value == "json" and self._kind(func.value) == "request":
            self.ctx.add_import("json")
            return cst.parse_expression(f"json.loads({_code(updated.func.value)}.content)")
        if _name(func) == "len" and len(original.args) == 1:
            return updated
        if self._registration(original):
            converted = self._rm_route(original, updated, line)
            if converted is not None:
                self.ctx.maybe_remove_import("requests_mock")
                self.ctx.note(CODE, line, "requests-mock registration -> respx route")
                return converted
        return updated

    def _mocker(self, original: cst.Call, updated: cst.Call, line: int) -> cst.BaseExpression:
        """``requests_mock.Mocker()`` -> a respx router that, like it, allows unused routes."""
        option = _mocker_options(updated)
        if option is not None:
            self.ctx.todo(line, CODE, f"requests_mock.Mocker({option}=) not ported to respx")
            return updated
        if original in self._rm_kept:
            self.ctx.todo(
                line, CODE, "requests_mock.Mocker decorator: its mocker argument not found"
            )
            return updated
        self.ctx.add_import("respx")
        self.ctx.maybe_remove_import("requests_mock")
        self.ctx.note(CODE, line, "requests_mock.Mocker -> respx router")
        return cst.parse_expression("respx.mock(assert_all_called=False)")

    def _rm_route(
        self, original: cst.Call, updated: cst.Call, line: int
    ) -> cst.BaseExpression | None:
        assert isinstance(original.func, cst.Attribute) and isinstance(updated.func, cst.Attribute)
        verb = original.func.attr.value
        positional = [a.value for a in updated.args if a.keyword is None]
        keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
        originals = {a.keyword.value: a.value for a in original.args if a.keyword is not None}
        if any(a.star for a in updated.args):
            self.ctx.todo(line, CODE, "requests-mock registration with ** not ported")
            return None
        method: str | None = verb
        if verb in ("request", "register_uri"):
            node = positional.pop(0) if positional else keywords.pop("method", None)
            method = None  # requests_mock.ANY: any method
            if node is not None and _name(node) != "requests_mock.ANY":
                text = _string(node)
                if text is None:
                    self.ctx.todo(line, CODE, "requests-mock method not understood")
                    return None
                method = text.lower()
        url = positional.pop(0) if positional else keywords.pop("url", None)
        responses = positional.pop(0) if positional else keywords.pop("response_list", None)
        if positional:
            self.ctx.todo(line, CODE, "requests-mock registration not understood")
            return None
        route_args: list[str] = []
        if url is not None and _name(url) != "requests_mock.ANY":
            route_args.append(_code(url))
        request_headers = keywords.pop("request_headers", None)
        if request_headers is not None:
            route_args.append(f"headers={_code(request_headers)}")
        complete_qs = keywords.pop("complete_qs", None)
        if complete_qs is not None and _code(complete_qs) != "False":
            # respx compares a query given in the URL as a whole already.
            if not (isinstance(url, cst.SimpleString | cst.FormattedString) and "?" in _code(url)):
                self.ctx.todo(line, CODE, "requests-mock complete_qs= without a query")
                return None
        receiver = _code(updated.func.value)
        if method in VERBS:
            route = f"{receiver}.{method}({', '.join(route_args)})"
        else:
            if route_args and url is not None and _name(url) != "requests_mock.ANY":
                route_args[0] = f"url={route_args[0]}"
            if method is not None:
                route_args.insert(0, f"method={method.upper()!r}".replace("'", '"'))
            route = f"{receiver}.route({', '.join(route_args)})"
        if responses is not None:
            if keywords or not isinstance(responses, cst.List | cst.Tuple):
                self.ctx.todo(line, CODE, "requests-mock response list not understood")
                return None
            answers = []
            for element in responses.elements:
                answer = self._rm_answer(element.value, line)
                if answer is None:
                    return None
                answers.append(answer)
            return cst.parse_expression(f"{route}.mock(side_effect=[{', '.join(answers)}])")
        response = self._rm_response(keywords, originals, line)
        if response is None:
            return None
        key = "side_effect" if response[0] else "return_value"
        return cst.parse_expression(f"{route}.mock({key}={response[1]})")

    def _rm_answer(self, element: cst.BaseExpression, line: int) -> str | None:
        """One ``{"json": .., "status_code": ..}`` of a response list."""
        if not isinstance(element, cst.Dict):
            self.ctx.todo(line, CODE, "requests-mock response list not understood")
            return None
        keywords: dict[str, cst.BaseExpression] = {}
        for item in element.elements:
            key = _string(item.key) if isinstance(item, cst.DictElement) else None
            if key is None:
                self.ctx.todo(line, CODE, "requests-mock response list not understood")
                return None
            keywords[key] = item.value
        answer = self._rm_response(keywords, dict(keywords), line)
        return None if answer is None else answer[1]

    def _rm_response(
        self,
        keywords: dict[str, cst.BaseExpression],
        originals: dict[str, cst.BaseExpression],
        line: int,
    ) -> tuple[bool, str] | None:
        """(raises, code): ``httpx.Response(...)``, or the exception to raise."""
        unknown = sorted(set(keywords) - {*RM_RESPONSE, "status_code", "reason", "exc"})
        if unknown:
            self.ctx.todo(line, CODE, f"requests-mock option {', '.join(unknown)} not ported")
            return None
        for key, value in keywords.items():
            if key != "exc" and self._callback(value):
                self.ctx.todo(line, CODE, f"requests-mock callback ({key}=) not ported")
                return None
        if "exc" in keywords:
            raised = self._raised(originals.get("exc", keywords["exc"]), keywords["exc"], line)
            return None if raised is None else (True, raised)
        self.ctx.add_import("httpx")
        status = keywords.get("status_code")
        args = [_code(status) if status is not None else "200"]
        args += [f"{RM_RESPONSE[k]}={_code(v)}" for k, v in keywords.items() if k in RM_RESPONSE]
        reason = keywords.get("reason")
        if reason is not None:
            text = _string(reason)
            if text is None or not text.isascii():
                self.ctx.todo(line, CODE, "requests-mock reason= not ported")
                return None
            args.append(f'extensions={{"reason_phrase": {text.encode()!r}}}')
        return False, f"httpx.Response({', '.join(args)})"

    def _raised(
        self, original: cst.BaseExpression, updated: cst.BaseExpression, line: int
    ) -> str | None:
        """``exc=requests.exceptions.ConnectTimeout`` -> ``httpx.ConnectTimeout``."""
        call = original if isinstance(original, cst.Call) else None
        name = _name(call.func if call is not None else original)
        parts = name.split(".")
        module = ""
        if parts[0] == "requests" and len(parts) in (2, 3):
            module = ".".join(parts[:-1])
        elif len(parts) == 1 and parts[0] in self._imported():
            module = self._imported()[parts[0]]
        if not module:
            return _code(updated)  # not requests': raised as it is
        mapped = RM_RAISES.get(parts[-1])
        if mapped is None:
            self.ctx.todo(line, CODE, f"requests-mock exc={name} has no httpx twin here")
            return None
        self.ctx.add_import("httpx")
        if len(parts) == 1:
            self.ctx.maybe_remove_import(module, parts[0])
        else:
            self.ctx.maybe_remove_import("requests")
        if call is None:
            return f"httpx.{mapped}"
        args = ", ".join(_code(a) for a in call.args) if call.args else '"Mock Error"'
        return f"httpx.{mapped}({args})"

    def _imported(self) -> dict[str, str]:
        """Names imported from requests' modules (``from requests.exceptions import X``)."""
        if self._rm_imported is None:
            self._rm_imported = {}
            for node in self.ctx.positions:
                if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
                    continue
                module = _name(node.module) if node.module is not None else ""
                if module in ("requests", "requests.exceptions"):
                    for alias in node.names:
                        if alias.asname is None and isinstance(alias.name, cst.Name):
                            self._rm_imported[alias.name.value] = module
        return self._rm_imported

    def _callback(self, node: cst.BaseExpression) -> bool:
        """A function answering the request (``json=lambda request, context: ...``)."""
        if isinstance(node, cst.Lambda):
            return True
        if self._rm_callbacks is None:
            self._rm_callbacks = {
                n.name.value for n in self.ctx.positions if isinstance(n, cst.FunctionDef)
            }
        return isinstance(node, cst.Name) and node.value in self._rm_callbacks


class _Renames(cst.CSTVisitor):
    """The Name nodes of a function body that refer to a renamed mocker."""

    def __init__(self, names: dict[str, str], out: dict[cst.CSTNode, str]) -> None:
        self.names = names
        self.out = out

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        return not any(p.name.value in self.names for p in params)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names:
            self.out[node] = self.names[node.value]


class HttpMocks(RequestsMock, Rule):
    code = "MIG008"
    name = "http-mocks"
    summary = "responses mocks -> respx routes, with the same URLs, bodies and call assertions"

    @property
    def active(self) -> bool:
        return self.ctx.edits.http_mocks

    @on_leave(cst.Decorator)
    def leave_Decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        if not self.active:
            return updated
        if _name(updated.decorator) != "responses.activate":
            return self._rm_decorator(original, updated)
        self._imports()
        self.ctx.note(self.code, self.ctx.line(original), "@responses.activate -> @respx.mock")
        return updated.with_changes(decorator=cst.parse_expression("respx.mock"))

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not self.active or not isinstance(updated, cst.Attribute):
            return updated
        if self._rm_frames or _name(original).startswith("requests_mock."):
            converted = self._rm_attribute(original, updated)
            if converted is not None:
                return converted
        if _name(updated) == "responses.calls":
            self._imports()
            return updated.with_changes(value=cst.Name("respx"))
        if updated.attr.value == "body" and _code(original).startswith("responses.calls"):
            if _code(original).endswith(".request.body"):
                return updated.with_changes(attr=cst.Name("content"))
        return updated

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if not self.active or not isinstance(updated, cst.Call):
            return updated
        func = _name(updated.func)
        if not func.startswith("responses."):
            return self._rm_call(original, updated)
        method = func.split(".", 1)[1]
        line = self.ctx.line(original)
        if method == "add":
            args = list(updated.args)
            positional = [a for a in args if a.keyword is None]
            keywords = {a.keyword.value: a.value for a in args if a.keyword is not None}
            verb_node = positional[0].value if positional else keywords.pop("method", None)
            url = positional[1].value if len(positional) > 1 else keywords.pop("url", None)
            if len(positional) > 2:
                keywords["body"] = positional[2].value
            verb = self._verb(verb_node)
        elif method in VERBS:
            positional = [a for a in updated.args if a.keyword is None]
            keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
            url = positional[0].value if positional else keywords.pop("url", None)
            verb = method
        else:
            if method not in ("activate", "calls") and "." not in method:
                self.ctx.todo(line, CODE, f"responses.{method}() has no respx rewrite here")
            return updated
        if verb is None or url is None:
            self.ctx.todo(line, CODE, "responses registration not understood; port to respx")
            return updated
        converted = self._route(verb, url, keywords, line)
        if converted is None:
            return updated
        self._imports()
        self.ctx.note(self.code, line, f"responses {verb.upper()} mock -> respx route")
        return converted

    @on_leave(cst.IndentedBlock)
    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """The same route registered twice: responses answers each registration in turn."""
        if not self.active:
            return updated
        groups: dict[str, list[int]] = {}
        body = list(updated.body)
        for index, stmt in enumerate(body):
            route = _route_of(stmt)
            if route is not None:
                groups.setdefault(_code(route[0]), []).append(index)
        drop: set[int] = set()
        for indexes in groups.values():
            if len(indexes) < 2:
                continue
            answers = []
            for index in indexes:
                route = _route_of(body[index])
                assert route is not None
                answers.append(route[1])
            first = _route_of(body[indexes[0]])
            assert first is not None
            merged = cst.parse_expression(
                f"{_code(first[0])}.mock(side_effect=[{', '.join(_code(a) for a in answers)}])"
            )
            stmt = body[indexes[0]]
            assert isinstance(stmt, cst.SimpleStatementLine)
            body[indexes[0]] = stmt.with_changes(body=[cst.Expr(merged)])
            drop.update(indexes[1:])
        if not drop:
            return updated
        return updated.with_changes(body=[s for i, s in enumerate(body) if i not in drop])

    # -- helpers -----------------------------------------------------------------------

    def _imports(self) -> None:
        self.ctx.add_import("respx")
        self.ctx.maybe_remove_import("responses")
        self.ctx.maybe_remove_import("responses", "matchers")

    def _verb(self, node: cst.BaseExpression | None) -> str | None:
        if node is None:
            return None
        if isinstance(node, cst.SimpleString):
            verb = node.evaluated_value
            verb = verb.decode() if isinstance(verb, bytes) else verb
        else:
            verb = _name(node).rsplit(".", 1)[-1] if _name(node).startswith("responses.") else ""
        return verb.lower() if verb.lower() in VERBS else None

    def _route(
        self, verb: str, url: cst.BaseExpression, keywords: dict[str, cst.BaseExpression], line: int
    ) -> cst.BaseExpression | None:
        unknown = sorted(set(keywords) - {*RESPONSE_KEYWORDS, "match"})
        if unknown:
            self.ctx.todo(line, CODE, f"responses option {', '.join(unknown)} not ported")
            return None
        route_args = [_code(url)]
        match = keywords.get("match")
        if match is not None:
            if not isinstance(match, cst.List | cst.Tuple):
                self.ctx.todo(line, CODE, "responses match= not understood; port to respx")
                return None
            for element in match.elements:
                matcher = element.value
                kind = (
                    _name(matcher.func).rsplit(".", 1)[-1] if isinstance(matcher, cst.Call) else ""
                )
                if kind not in MATCHERS or not isinstance(matcher, cst.Call) or not matcher.args:
                    self.ctx.todo(line, CODE, f"responses matcher {kind or '?'} not ported")
                    return None
                route_args.append(f"{MATCHERS[kind]}={_code(matcher.args[0].value)}")
        route = f"respx.{verb}({', '.join(route_args)})"
        body = keywords.get("body")
        if body is not None and _is_exception(body):
            return cst.parse_expression(f"{route}.mock(side_effect={_code(body)})")
        self.ctx.add_import("httpx")
        status = keywords.get("status")
        response_args = [_code(status) if status is not None else "200"]
        if "json" in keywords:
            response_args.append(f"json={_code(keywords['json'])}")
        if body is not None:
            kind = "text" if isinstance(body, cst.SimpleString | cst.FormattedString) else "content"
            if isinstance(body, cst.SimpleString) and body.prefix.lower().startswith("b"):
                kind = "content"
            response_args.append(f"{kind}={_code(body)}")
        headers = keywords.get("headers")
        content_type = keywords.get("content_type")
        if content_type is not None:
            extra = f'"Content-Type": {_code(content_type)}'
            merged = f"{{**{_code(headers)}, {extra}}}" if headers is not None else f"{{{extra}}}"
            response_args.append(f"headers={merged}")
        elif headers is not None:
            response_args.append(f"headers={_code(headers)}")
        response = f"httpx.Response({', '.join(response_args)})"
        return cst.parse_expression(f"{route}.mock(return_value={response})")


def _route_of(stmt: cst.BaseStatement) -> tuple[cst.Call, cst.BaseExpression] | None:
    """``respx.get(url).mock(return_value=r)`` as a statement: (the route call, r)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    expr = stmt.body[0]
    if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
        return None
    call = expr.value
    if not isinstance(call.func, cst.Attribute) or call.func.attr.value != "mock":
        return None
    route = call.func.value
    if not isinstance(route, cst.Call) or not _name(route.func).startswith("respx."):
        return None
    if len(call.args) != 1 or call.args[0].keyword is None:
        return None
    if call.args[0].keyword.value not in ("return_value", "side_effect"):
        return None
    value = call.args[0].value
    if call.args[0].keyword.value == "side_effect" and isinstance(value, cst.List):
        return None
    return route, value
