"""What a test file does with ``responses``, and whether respx has a twin for all of it.

``responses`` is used through the module (``responses.add``, ``responses.calls``)
or through ``RequestsMock`` objects: ``with responses.RequestsMock() as rsps``, one
made and started by hand (``rsps.start()`` / ``rsps.stop()``), or one a pytest
fixture yields (``yield rsps``) to the tests that take it. The objects are found
by name, file-wide: the names bound to ``responses.RequestsMock(...)`` (locals and
``self.`` attributes) and the fixtures giving one of them, to a fixpoint (a
fixture handing on another's); a ``conftest.py``'s fixtures count in the files
below it. The rewrite (``http_mocks/responses_objects.py``)
moves each object to a ``respx.mock(...)`` router under the same name.

A use respx has no twin for (a ``RequestsMock`` option other than
``assert_all_requests_are_fired``, registries, ``passthru``, other matchers, the
object handed to a helper ...) is *unported*: the file's mocks then stay on
responses as a whole, never half moved (see plan/mock_scope.py).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..analyse.catalogue import HTTP_VERBS

# ``responses.add(...)``'s keywords the rewrite carries, and ``add_callback``'s.
ADD_KEYWORDS = frozenset(
    {"method", "url", "body", "status", "json", "headers", "content_type", "match"}
    | {"match_querystring"}
)
CALLBACK_KEYWORDS = frozenset(
    {"method", "url", "callback", "content_type", "match", "match_querystring"}
)
MATCHERS = frozenset(
    {"json_params_matcher", "query_param_matcher", "header_matcher", "urlencoded_params_matcher"}
)
# The matchers' options the rewrite carries, with the values it carries (as literals).
# query_param_matcher's strict_match chooses respx's params__eq= (True, its default)
# or params= (False: the request has these among others); the others' defaults only:
# respx's json= and data= match the whole body, its headers= what the request has
# among other headers (json_params_matcher(strict_match=False) would be stricter,
# header_matcher(strict_match=True) weaker, and a test would no longer check the same).
MATCHER_OPTIONS: dict[str, dict[str, tuple[bool, ...]]] = {
    "query_param_matcher": {"strict_match": (True, False)},
    "json_params_matcher": {"strict_match": (True,)},
    "header_matcher": {"strict_match": (False,)},
    "urlencoded_params_matcher": {"strict_match": (True,), "allow_blank": (False,)},
}
# Each matcher's first parameter, which may be passed by name.
MATCHER_FIRST = {"header_matcher": "headers"}
# Registrations: respx routes (``replace``/``upsert``: registering a route again
# replaces its answer in respx).
REGISTRATIONS = frozenset({"add", "replace", "upsert", *HTTP_VERBS})
# What an object (or the module) may be asked, with a respx twin each.
OBJECT_USES = frozenset(
    {*REGISTRATIONS, "add_callback", "calls", "assert_call_count", "reset", "start", "stop"}
)
MODULE_USES = frozenset(
    {*OBJECT_USES, "activate", "RequestsMock", "matchers", *(v.upper() for v in HTTP_VERBS)}
)
# ``responses.RequestsMock(...)`` options -> respx.mock's.
OPTIONS = {"assert_all_requests_are_fired": "assert_all_called"}


@dataclass(frozen=True)
class ResponsesUses:
    """``holders``: the names (``rsps``, ``self.rsps``, a fixture's) holding a
    RequestsMock; ``fixtures``: the fixtures giving one; ``unported``: (line, what)
    of each use respx has no twin for."""

    holders: frozenset[str] = frozenset()
    fixtures: frozenset[str] = frozenset()
    unported: tuple[tuple[int, str], ...] = ()
    # The ``outer`` fixtures its functions take.
    taken: frozenset[str] = frozenset()
    # What makes one: ``responses.RequestsMock``, or the name imported from responses.
    makers: frozenset[str] = frozenset({"responses.RequestsMock"})

    def reason(self) -> str:
        uses = "; ".join(f"{what} (line {line})" for line, what in self.unported)
        return f"{uses} {'have' if len(self.unported) > 1 else 'has'} no respx twin"


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _is_fixture(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in fn.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if (_dotted(target) or "").endswith("fixture"):
            return True
    return False


def _makers(tree: ast.Module) -> frozenset[str]:
    """What makes a RequestsMock here: ``responses.RequestsMock``, and the name
    ``from responses import RequestsMock`` binds."""
    names = {"responses.RequestsMock"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "responses" and not node.level:
            names.update(a.asname or a.name for a in node.names if a.name == "RequestsMock")
    return frozenset(names)


def _holders(
    tree: ast.Module, outer: frozenset[str], makers: frozenset[str]
) -> tuple[set[str], set[str]]:
    """Names bound to a RequestsMock, and the fixtures giving one (to a fixpoint)."""

    def _made(node: ast.expr | None) -> bool:
        return isinstance(node, ast.Call) and _dotted(node.func) in makers

    holders = set(outer)
    fixtures: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.withitem) and _made(node.context_expr):
            name = _dotted(node.optional_vars) if node.optional_vars is not None else None
            if name:
                holders.add(name)
        elif isinstance(node, ast.Assign) and _made(node.value):
            holders.update(name for t in node.targets if (name := _dotted(t)))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    changed = True
    while changed:
        changed = False
        for fn in functions:
            if fn.name in fixtures or not _is_fixture(fn):
                continue
            given = [
                n.value
                for n in ast.walk(fn)
                if isinstance(n, ast.Yield | ast.Return) and n.value is not None
            ]
            if any(_made(v) or (_dotted(v) or "") in holders for v in given):
                fixtures.add(fn.name)
                holders.add(fn.name)
                changed = True
    return holders, fixtures


def responses_uses(text: str, outer: frozenset[str] = frozenset()) -> ResponsesUses:
    """Judge a test file's uses of ``responses`` (``outer``: fixtures of its
    ``conftest.py`` files that give a RequestsMock)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return ResponsesUses()
    makers = _makers(tree)
    holders, fixtures = _holders(tree, outer, makers)
    unported: list[tuple[int, str]] = []
    # A name holding a RequestsMock and a module too (``as mock`` and ``mock.patch``):
    # its uses cannot be told apart by name.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                if bound in holders:
                    unported.append((node.lineno, f"{bound} names a RequestsMock and an import"))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "responses":
            for alias in node.names:
                if alias.name not in ("matchers", "RequestsMock"):
                    unported.append((node.lineno, f"from responses import {alias.name}"))
        elif isinstance(node, ast.Attribute):
            what = _unported_attribute(node, parents, holders)
            if what:
                unported.append((node.lineno, what))
        elif isinstance(node, ast.Name) and node.id in holders and isinstance(node.ctx, ast.Load):
            what = _unported_holder(node, parents)
            if what:
                unported.append((node.lineno, what))
        elif isinstance(node, ast.Name) and node.id in makers:
            parent = parents.get(node)
            if not isinstance(parent, ast.Call) or parent.func is not node:
                unported.append((node.lineno, f"{node.id} used other than to make one"))
        elif isinstance(node, ast.Call):
            what = _unported_call(node, holders, makers)
            if what:
                unported.append((node.lineno, what))
    taken = {
        arg.arg
        for fn in ast.walk(tree)
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
        for arg in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)
        if arg.arg in outer
    }
    return ResponsesUses(
        frozenset(holders),
        frozenset(fixtures),
        tuple(sorted(set(unported))),
        frozenset(taken),
        makers,
    )


def _unported_attribute(
    node: ast.Attribute, parents: dict[ast.AST, ast.AST], holders: set[str]
) -> str | None:
    owner = _dotted(node.value)
    if owner == "responses":
        if node.attr not in MODULE_USES:
            return f"responses.{node.attr}"
        parent = parents.get(node)
        if node.attr == "activate" and isinstance(parent, ast.Call) and parent.func is node:
            return "responses.activate(...) with options"
        return None
    if owner in {f"{h}.calls" for h in ("responses", *holders)} and node.attr in ("add", "reset"):
        return f"{owner}.{node.attr}"
    if owner is not None and owner.endswith("matchers") and node.attr not in MATCHERS:
        return f"matchers.{node.attr}"
    if owner in holders and owner != "self":
        if node.attr not in OBJECT_USES:
            return f"{owner}.{node.attr}"
        parent = parents.get(node)
        if node.attr == "assert_call_count" and not (
            isinstance(parent, ast.Call)
            and parent.func is node
            and isinstance(parents.get(parent), ast.Expr | ast.Assert)
        ):
            return f"{owner}.assert_call_count() used as a value"
    return None


def _unported_holder(node: ast.Name, parents: dict[ast.AST, ast.AST]) -> str | None:
    """A RequestsMock named other than to ask it something, enter it or hand it on
    from a fixture: handed to a helper, kept in a structure ..."""
    parent = parents.get(node)
    if isinstance(parent, ast.Attribute | ast.Yield | ast.Return | ast.withitem):
        return None
    return f"{node.id} handed on"


def _unported_call(node: ast.Call, holders: set[str], makers: frozenset[str]) -> str | None:
    func = _dotted(node.func) or ""
    owner, _, method = func.rpartition(".")
    keywords = {k.arg for k in node.keywords}
    if owner.endswith("matchers") and method in MATCHERS:
        return _unported_matcher(node, method)
    if func in makers:
        others = sorted(str(k) for k in keywords - set(OPTIONS))
        if node.args or others:
            return f"responses.RequestsMock({', '.join(others) or '...'})"
        return None
    if owner != "responses" and owner not in holders:
        return None
    if method in REGISTRATIONS:
        allowed = (
            ADD_KEYWORDS if method in ("add", "replace", "upsert") else ADD_KEYWORDS - {"method"}
        )
        extra = sorted(str(k) for k in keywords - allowed)
        return f"{func}({', '.join(extra)}=...)" if extra else None
    if method == "add_callback":
        extra = sorted(str(k) for k in keywords - CALLBACK_KEYWORDS)
        return f"{func}({', '.join(extra)}=...)" if extra else None
    if method == "stop" and (node.args or keywords - {"allow_assert"}):
        return f"{func}(...) with options"
    return None


def _unported_matcher(node: ast.Call, name: str) -> str | None:
    """A matcher given an option, or a value of one, that the rewrite does not carry."""
    carried = MATCHER_OPTIONS[name]
    first = MATCHER_FIRST.get(name, "params")
    if len(node.args) > 1:
        return f"matchers.{name}(...) with options given by position"
    for keyword in node.keywords:
        if keyword.arg == first:
            continue
        value = keyword.value.value if isinstance(keyword.value, ast.Constant) else None
        if keyword.arg not in carried or not (
            isinstance(value, bool) and value in carried[keyword.arg]
        ):
            return f"matchers.{name}({keyword.arg or '**'}=...)"
    return None
