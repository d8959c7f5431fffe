"""Which ``urllib.request.urlopen`` calls the MIG012 rule can carry to httpx.

urlopen returns a file-like response; httpx returns a read response with
other names. The rule carries the shapes where every use of the response has
an httpx twin (``read()`` -> ``.content``, ``json.load(r)`` -> ``r.json()``,
``status``/``getcode()`` -> ``status_code``, ``getheader()`` ->
``headers.get()``, ...). Anything else (the response handed on as a file,
``r.fp``, a ``Request`` built apart, urlopen arguments httpx has no twin for)
keeps the call on urllib behind a bridge, and the plan says why.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

URLOPEN = "urllib.request.urlopen"
REQUEST = "urllib.request.Request"

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
        if any(isinstance(a, ast.Starred) for a in first.args) or len(first.args) > len(
            REQUEST_ARGS
        ):
            return "Request's arguments are not url, data, headers, method"
        for kw in first.keywords:
            if kw.arg not in REQUEST_KEYWORDS:
                return f"Request({kw.arg or '**'}=...) has no httpx twin here"
        return None
    if isinstance(first, ast.Name) and _holds_request(first.id, function, resolve):
        return f"the Request in {first.id} is built apart from urlopen(): build it in the call"
    return None


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
