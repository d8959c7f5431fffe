"""The parts of gathered calls computed before the gather, and what they are named.

A gather's arguments are evaluated before any of its calls runs: in
``gather_in_order(get_user(ids[0]), get_org(ids[1]))`` the first call is made
(a coroutine) when ``ids[1]`` raises, and it is never awaited. Where the legacy
code had made the first request, then failed, the migrated code would warn
``coroutine ... was never awaited`` (an error under ``-W error``). Parts that
may raise (an index, a call) are computed in statements of their own before the
gather, in the order the legacy code computed them, so a failure is raised
before any call is made:

    user_id = ids[0]
    org_id = ids[1]
    user, org = await gather_in_order(get_user(user_id), get_org(org_id))
"""

from __future__ import annotations

import ast
import re

from .. import dataflow
from ..catalogue import HTTP_VERBS

# Names a URL is put together from (``base + path``, ``self.api_url + ...``).
_URL_WORDS = ("url", "base", "host", "endpoint", "root", "api")


def may_raise(expr: ast.AST, local: frozenset[str] = frozenset()) -> bool:
    """Whether computing ``expr`` may raise or do something: it indexes
    (``data["id"]``), calls (``int(n)``), divides, or reads an attribute of a
    value the function was handed or made (``order.user_id``, in ``local``).
    Names, constants, ``self.x``, a module's attributes and the other operators
    on them are taken to be plain reads; making a lambda runs nothing."""
    if isinstance(expr, ast.Lambda):
        return False
    for node in dataflow.walk_local(expr):
        if isinstance(node, ast.Subscript | ast.Call):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.FloorDiv | ast.Mod):
            formatting = isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant)
            if not formatting:
                return True
        if isinstance(node, ast.Attribute) and _root(node) in local:
            return True
    return False


def function_locals(function: ast.AST) -> frozenset[str]:
    """The names a function binds (its parameters and assignments), but ``self``
    and ``cls``: an attribute of one of them may be missing."""
    names = {
        n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        args = function.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        names |= {a.arg for a in every if a is not None}
    return frozenset(names - {"self", "cls"})


def _root(node: ast.Attribute) -> str:
    value: ast.expr = node
    while isinstance(value, ast.Attribute):
        value = value.value
    return value.id if isinstance(value, ast.Name) else ""


def parts(call: ast.Call) -> list[tuple[ast.expr, str]]:
    """What Python computes to make ``call`` other than the call itself, in order:
    the receiver, then each argument; each with the keyword it is passed as ("")."""
    found: list[tuple[ast.expr, str]] = []
    func = call.func
    if isinstance(func, ast.Attribute):
        found.append((func.value, ""))
    elif isinstance(func, ast.Subscript):
        found.append((func, ""))  # ``handlers[kind](item)``
    # A call's call (``async_to_sync(fetch)(url)``) is a bridge the rewrite unwinds.
    found += [(a.value if isinstance(a, ast.Starred) else a, "") for a in call.args]
    found += [(k.value, k.arg or "") for k in call.keywords]
    return found


def raising_parts(
    calls: list[ast.Call], local: frozenset[str]
) -> list[tuple[ast.Call, ast.expr, str]]:
    """The parts to compute before a gather of ``calls``: none when only the
    first call's parts may raise (nothing is made before them); otherwise every
    part that may raise, of every call, so that they still raise in the order
    they did."""
    found = []
    read: set[str] = set()  # parts read (no call in them) by the calls before
    for call in calls:
        for part, keyword in parts(call):
            if not may_raise(part, local):
                continue
            text = ast.dump(part)
            if text in read:
                continue  # ``urls["social"]`` again: it did not raise the first time
            found.append((call, part, keyword))
            if not any(isinstance(n, ast.Call) for n in dataflow.walk_local(part)):
                read.add(text)
    if not any(c is not calls[0] for c, _, _ in found):
        return []
    return found


def part_name(part: ast.expr, keyword: str, call: ast.Call) -> str:
    """What a person would call the value of ``part``: the keyword it is passed
    as, the key it is read with (``data["user_id"]`` -> ``user_id``), one of
    the collection it is taken from (``items[1]`` -> ``item``), ``url`` for a
    URL put together, else ``value``."""
    if keyword and keyword.isidentifier():
        return keyword
    named = _named(part) or _made(part)
    if named:
        return named
    if _is_url(part) or (_verb(call) and part is _first_argument(call)):
        return "url"
    return "value"


def _made(node: ast.expr) -> str:
    """``Request(url)`` -> ``request``: an object made, named after its class."""
    func = node.func if isinstance(node, ast.Call) else None
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if not name[:1].isupper() or name.isupper():
        return ""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _named(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            text = key.value.lower().replace("-", "_")
            if text.isidentifier() and text.isascii():
                return text
        container = node.value
        name = (
            container.id
            if isinstance(container, ast.Name)
            else container.attr
            if isinstance(container, ast.Attribute)
            else ""
        )
        name = name.lstrip("_")
        if len(name) > 3 and name.endswith("s") and not name.endswith("ss"):
            return name.removesuffix("ies") + "y" if name.endswith("ies") else name[:-1]
        return ""
    if isinstance(node, ast.Call):
        # ``int(opts["n"])``, ``str(item["id"]).strip()``: what it converts.
        if isinstance(node.func, ast.Name) and node.args and not node.keywords:
            return _named(node.args[0])
        if isinstance(node.func, ast.Attribute) and not node.args:
            return _named(node.func.value)
    return ""


def _is_url(node: ast.expr) -> bool:
    texts = [
        n.value
        for n in dataflow.walk_local(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    if any(t.startswith(("/", "http://", "https://")) or t.endswith("/") for t in texts):
        return True
    # ``base + path``, ``self.api_url + ...``: put together from a URL.
    words = [
        (n.id if isinstance(n, ast.Name) else n.attr).lower()
        for n in dataflow.walk_local(node)
        if isinstance(n, ast.Name | ast.Attribute)
    ]
    return isinstance(node, ast.BinOp | ast.JoinedStr) and any(
        w.endswith(_URL_WORDS) or w.startswith(_URL_WORDS) for w in words
    )


def _verb(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name.lower() in HTTP_VERBS


def _first_argument(call: ast.Call) -> ast.expr | None:
    return call.args[0] if call.args else None
