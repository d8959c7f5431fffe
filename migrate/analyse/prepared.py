"""Requests built by hand and sent through a session: ``prepared =
session.prepare_request(requests.Request("GET", url, params=...))``, then
``session.send(prepared, timeout=...)`` (or the two in one expression, the
``requests.Request`` made on the statement before, or a request only
prepared, to see that it can be).

httpx's twin is ``client.build_request("GET", url, params=..., timeout=...)``
then ``await client.send(request)``: build_request merges the client's
headers, cookies and query parameters as prepare_request merges the
session's, and send applies the client's auth. send takes no timeout, so the
send's moves to build_request, which is why the value must mean the same
there (no name in it is bound in the function). Carried where the prepared
request is only sent through the session that built it, or read for what
both libraries' requests have (``.method``, ``.headers``, ``.url`` as text);
``requests.Request`` given ``auth=`` or ``hooks=``, a send given
``stream=``, ``verify=``... or a request read otherwise keep the flow on
requests, and the plan says why (graph.keeps_requests).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .bound_before import bound_just_before
from .catalogue import REQUEST_PARAMS
from .model import Span
from .tree import expr_text, span_of

BUILDERS = frozenset({"requests.Request", "requests.models.Request"})
# requests.Request's parameters build_request takes.
BUILT = frozenset({"method", "url", "headers", "files", "data", "params", "cookies", "json"})
SEND_KEYWORDS = frozenset({"timeout", "allow_redirects"})
# What a prepared request and an httpx.Request share (``url``: as text only).
SHARED_READS = frozenset({"method", "headers"})
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


@dataclass(frozen=True)
class Prepared:
    """One request built by ``prepare_request`` and sent: where it is built, and
    why it stays on requests (None: carried)."""

    build: Span
    refusal: str | None


def prepared_flows(
    function: ast.FunctionDef | ast.AsyncFunctionDef, resolve: Callable[[ast.AST], str | None]
) -> dict[int, Prepared]:
    """The ``requests.Request`` call and the sends of each request ``function``
    prepares and sends (by ``id`` of the call node), with the flow they are in."""
    parents = dict(_parents(function))
    found: dict[int, Prepared] = {}
    for node in parents:
        if not isinstance(node, ast.Call) or (built := _built(node, function, resolve)) is None:
            continue
        if (uses := _uses(function, parents, node)) is None:
            continue
        sends, refusal = uses
        refusal = refusal or _request_refusal(built) or _send_refusal(function, sends)
        flow = Prepared(span_of(node), refusal)
        for call in (built, node, *sends):
            found[id(call)] = flow
    return found


def _parents(function: ast.AST) -> Iterator[tuple[ast.AST, ast.AST]]:
    """Each node in ``function``'s own body (nested scopes but not their bodies),
    with its parent."""
    stack = [function]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            yield child, node
            if not isinstance(child, _SCOPES):
                stack.append(child)


def _built(
    node: ast.Call, function: ast.AST, resolve: Callable[[ast.AST], str | None]
) -> ast.Call | None:
    """The ``requests.Request(...)`` call of ``session.prepare_request(requests.Request(
    ...))``, or of ``request = requests.Request(...)`` right before
    ``session.prepare_request(request)`` (nothing runs between)."""
    if not (
        isinstance(node.func, ast.Attribute)
        and node.func.attr == "prepare_request"
        and len(node.args) == 1
        and not node.keywords
    ):
        return None
    built = node.args[0]
    if isinstance(built, ast.Name):
        assigned = bound_just_before(node, function, resolve, BUILDERS)
        return assigned.value if assigned is not None else None  # type: ignore[return-value]
    return built if isinstance(built, ast.Call) and resolve(built.func) in BUILDERS else None


def _uses(
    function: ast.AST, parents: dict[ast.AST, ast.AST], build: ast.Call
) -> tuple[list[ast.Call], str | None] | None:
    """The sends of what ``build`` prepares, and why the flow stays on requests;
    None where the prepared request is handed on or returned (not followed)."""
    session = expr_text(build.func.value)  # type: ignore[attr-defined]
    parent = parents[build]
    if _sends_first(parent, build, session):
        return [parent], None  # type: ignore[list-item]
    if isinstance(parent, ast.Expr):
        return [], None  # built to see that it can be (its errors), and dropped
    if not (
        isinstance(parent, ast.Assign)
        and len(parent.targets) == 1
        and isinstance(parent.targets[0], ast.Name)
    ):
        return None
    name = parent.targets[0].id
    sends: list[ast.Call] = []
    refusal = None
    for node in ast.walk(function):
        if not isinstance(node, ast.Name) or node.id != name or node is parent.targets[0]:
            continue
        use = parents.get(node)
        if isinstance(node.ctx, ast.Store | ast.Del):
            refusal = refusal or f"{name} is bound again"
        elif use is not None and _sends_first(use, node, session):
            sends.append(use)  # type: ignore[arg-type]
        elif use is None or not _shared_read(use, parents):
            shown = expr_text(use) if isinstance(use, ast.expr) else name
            refusal = refusal or f"{shown} reads the request requests prepared"
    return sends, refusal


def _sends_first(node: ast.AST, sent: ast.AST, session: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "send"
        and expr_text(node.func.value) == session
        and bool(node.args)
        and node.args[0] is sent
    )


def _shared_read(use: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """``prepared.method``, ``prepared.headers[...]``, ``str(prepared.url)``."""
    if not isinstance(use, ast.Attribute):
        return False
    if use.attr in SHARED_READS:
        return True
    outer = parents.get(use)
    text = (
        isinstance(outer, ast.Call)
        and isinstance(outer.func, ast.Name)
        and outer.func.id == "str"
        and outer.args == [use]
    )
    return use.attr == "url" and (text or isinstance(outer, ast.FormattedValue))


def _request_refusal(built: ast.Call) -> str | None:
    if len(built.args) > len(REQUEST_PARAMS) or any(isinstance(a, ast.Starred) for a in built.args):
        return "requests.Request(...) is given arguments by unpacking"
    given = [*REQUEST_PARAMS[: len(built.args)], *(k.arg for k in built.keywords)]
    for name in given:
        if name is None:
            return "requests.Request(...) is given arguments by unpacking"
        if name not in BUILT:
            return f"requests.Request(..., {name}=...): httpx takes it when it sends"
    return None


def _send_refusal(function: ast.AST, sends: list[ast.Call]) -> str | None:
    timeouts = set()
    for send in sends:
        if len(send.args) > 1:
            return f"{expr_text(send.func)}(...) is given more than the request"
        for keyword in send.keywords:
            if keyword.arg not in SEND_KEYWORDS:
                return f"{expr_text(send.func)}(..., {keyword.arg or '**'}=...): no httpx twin"
        given = next((k.value for k in send.keywords if k.arg == "timeout"), None)
        timeouts.add(ast.dump(given) if given is not None else "")
        if given is not None and _bound_in(function, given):
            return "its timeout is bound in the function (it moves to where the request is built)"
    if len(timeouts) > 1:
        return "it is sent with different timeouts"
    return None


def _bound_in(function: ast.AST, value: ast.expr) -> bool:
    names = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
    return any(
        isinstance(n, ast.Name) and n.id in names and not isinstance(n.ctx, ast.Load)
        for n in ast.walk(function)
    )
