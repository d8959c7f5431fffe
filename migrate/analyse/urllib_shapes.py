"""Which ``urllib.request.urlopen`` calls the MIG012 rule can carry to httpx.

urlopen returns a file-like response; httpx returns a read response with
other names. The rule carries the shapes where every use of the response has
an httpx twin (``read()`` -> ``.content``, ``json.load(r)`` -> ``r.json()``,
``status``/``getcode()`` -> ``status_code``, ``getheader()`` ->
``headers.get()``, ...). Anything else (the response handed on as a file,
``r.fp``, a ``Request`` built apart and not right before, urlopen arguments
httpx has no twin for)
keeps the call on urllib behind a bridge, and the plan says why.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .bound_before import bound_just_before

URLOPEN = "urllib.request.urlopen"
REQUEST = "urllib.request.Request"
BUILDERS = frozenset({REQUEST})

# urlopen's and Request's arguments the rule translates.
URLOPEN_ARGS = ("url", "data")
URLOPEN_KEYWORDS = frozenset({"url", "data", "timeout"})
REQUEST_ARGS = ("url", "data", "headers")
REQUEST_KEYWORDS = frozenset({"url", "data", "headers", "method"})
# Response methods and attributes with an httpx twin (see docs/rules.md#mig012).
RESPONSE_METHODS = frozenset({"read", "getcode", "getheader", "geturl", "close"})
RESPONSE_ATTRS = frozenset({"status", "code", "headers", "reason", "url"})
# Headers in urllib are an email.message.Message: its own methods have no httpx twin.
MESSAGE_METHODS = frozenset({"get_content_charset", "get_param", "get_all", "get_content_type"})

Resolve = Callable[[ast.AST], str | None]


def urlopen_refusal(
    target: str | None, call: ast.Call, function: ast.AST | None, resolve: Resolve
) -> str | None:
    """Why this urlopen call stays on urllib (None: the rule carries it, or it is
    no urlopen call in a function)."""
    if target != URLOPEN or function is None:
        return None
    why = _arguments_refusal(call, function, resolve)
    if why:
        return f"stays on urllib: {why}"
    parents = _parents(function)
    name, why = _bound_name(call, parents, resolve)
    if why:
        return f"stays on urllib: {why}"
    if name is not None:
        why = _uses_refusal(name, function, parents, resolve)
        if why:
            return f"stays on urllib: {why}"
    return None


def _arguments_refusal(call: ast.Call, function: ast.AST, resolve: Resolve) -> str | None:
    if any(isinstance(a, ast.Starred) for a in call.args) or len(call.args) > len(URLOPEN_ARGS):
        return "urlopen's arguments are not url, data, timeout"
    for kw in call.keywords:
        if kw.arg not in URLOPEN_KEYWORDS:
            return f"urlopen({kw.arg or '**'}=...) has no httpx twin here"
    first = (
        call.args[0]
        if call.args
        else next((kw.value for kw in call.keywords if kw.arg == "url"), None)
    )
    if first is None:
        return "urlopen has no URL"
    if isinstance(first, ast.Call) and resolve(first.func) == REQUEST:
        return _request_refusal(first)
    if isinstance(first, ast.Name) and _holds_request(first.id, function, resolve):
        assign = built_just_before(call, function, resolve)
        if assign is None:
            return (
                f"the Request in {first.id} is built apart from urlopen(): build it in"
                " the call, or just before the statement making it"
            )
        assert isinstance(assign.value, ast.Call)
        return _request_refusal(assign.value)
    return None


def urlopen_method(call: ast.Call, built: ast.Assign | None, resolve: Resolve) -> str:
    """The HTTP method a urlopen call sends: urllib POSTs when given data, the
    Request's ``method=`` wins; ``REQUEST`` when only known at run time."""
    first = call.args[0] if call.args else None
    request = first if isinstance(first, ast.Call) and resolve(first.func) == REQUEST else None
    if built is not None and isinstance(built.value, ast.Call):
        request = built.value
    data = _argument(call, 1, "data")
    if request is not None:
        method = _argument(request, 3, "method")
        if method is not None:
            if isinstance(method, ast.Constant) and isinstance(method.value, str):
                return method.value.upper()
            return "REQUEST"
        data = _argument(request, 1, "data") or data
    if data is None or (isinstance(data, ast.Constant) and data.value is None):
        return "GET"
    return "POST"


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return next((kw.value for kw in call.keywords if kw.arg == keyword), None)


def _request_refusal(request: ast.Call) -> str | None:
    if any(isinstance(a, ast.Starred) for a in request.args) or len(request.args) > len(
        REQUEST_ARGS
    ):
        return "Request's arguments are not url, data, headers, method"
    for kw in request.keywords:
        if kw.arg not in REQUEST_KEYWORDS:
            return f"Request({kw.arg or '**'}=...) has no httpx twin here"
    return None


def built_just_before(call: ast.Call, function: ast.AST, resolve: Resolve) -> ast.Assign | None:
    """``req = Request(...)`` right before ``urlopen(req)``, which may take it in place
    of ``req`` (see bound_before)."""
    return bound_just_before(call, function, resolve, BUILDERS)


def _holds_request(name: str, function: ast.AST, resolve: Resolve) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            if resolve(node.value.func) == REQUEST and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                return True
    return False


def _parents(function: ast.AST) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(function) for child in ast.iter_child_nodes(node)}


def _bound_name(
    call: ast.Call, parents: dict[int, ast.AST], resolve: Resolve
) -> tuple[str | None, str | None]:
    """The name the response is bound to (``with ... as r`` / ``r = ...``), or why
    its shape is not carried."""
    parent = parents.get(id(call))
    if isinstance(parent, ast.withitem):
        target = parent.optional_vars
        if target is None:
            return None, None
        if isinstance(target, ast.Name):
            return target.id, None
        return None, "the response is unpacked"
    if isinstance(parent, ast.Assign) and parent.value is call:
        if len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            return parent.targets[0].id, None
        return None, "the response is assigned to more than a name"
    why = _inline_refusal(call, parent, parents, resolve)
    if why:
        return None, why
    # Used in place: the statement holding it gets a client around it.
    node: ast.AST | None = call
    while node is not None and not isinstance(node, ast.stmt):
        node = parents.get(id(node))
    if not isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Return | ast.Expr):
        return None, "urlopen() in a compound statement's header"
    return None, None


def _inline_refusal(
    call: ast.expr, parent: ast.AST | None, parents: dict[int, ast.AST], resolve: Resolve
) -> str | None:
    """Why a response used where it is made (``urlopen(u).read()``) is not carried."""
    if isinstance(parent, ast.Call) and resolve(parent.func) == "json.load":
        return None if parent.args == [call] and not parent.keywords else "json.load(..., **kw)"
    if isinstance(parent, ast.Attribute):
        return _attribute_refusal(parent, parents)
    if isinstance(parent, ast.Expr) and isinstance(call, ast.Call):
        return None  # made for its effect (or its exception) only
    return "the response is handed on as a file object"


def _attribute_refusal(attr: ast.Attribute, parents: dict[int, ast.AST]) -> str | None:
    above = parents.get(id(attr))
    is_called = isinstance(above, ast.Call) and above.func is attr
    if attr.attr in RESPONSE_METHODS and is_called:
        assert isinstance(above, ast.Call)
        if attr.attr == "read" and (above.args or above.keywords):
            return "read(n) reads part of the body: httpx reads it whole"
        return None
    if attr.attr in RESPONSE_ATTRS and not is_called:
        if attr.attr == "headers" and isinstance(above, ast.Attribute):
            if above.attr in MESSAGE_METHODS:
                return f"headers.{above.attr}() is an email.message method httpx's Headers lack"
        return None
    return f"response.{attr.attr} has no httpx twin"


def _uses_refusal(
    name: str, function: ast.AST, parents: dict[int, ast.AST], resolve: Resolve
) -> str | None:
    bindings = 0
    for node in ast.walk(function):
        if not isinstance(node, ast.Name) or node.id != name:
            continue
        if isinstance(node.ctx, ast.Store):
            bindings += 1
            continue
        why = _inline_refusal(node, parents.get(id(node)), parents, resolve)
        if why:
            return f"{name}: {why}"
    if bindings > 1:
        return f"{name} is bound more than once"
    return None
