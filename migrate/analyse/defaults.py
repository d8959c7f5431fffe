"""Values a caller may give, with a default made when it gives none.

``self.session = session or requests.Session()`` (and ``session if session
is not None else requests.Session()``, ``kwargs.get("session") or ...``)
holds what the default makes, unless the caller hands one in: the holder has
the default's type, and every caller that hands one in must hand in what the
migrated code expects (see :mod:`migrate.analyse.injected`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .catalogue import CONSTRUCTORS
from .model import Injection
from .tree import dotted, span_of

# Types a caller hands in that the migration turns into another type.
SESSION_TYPES = frozenset({"requests.Session", "httpx.Client"})
# ``-> Self`` on a method: an instance of the method's class.
SELF_TYPES = frozenset({"typing.Self", "typing_extensions.Self"})


def given_default(
    node: ast.expr, params: tuple[str, ...], kwarg: str | None
) -> tuple[ast.Call, str, str | None] | None:
    """(the default made, the parameter that may give the value, the key read from
    ``**kwarg``) when ``node`` is one of the forms above; None otherwise."""
    given: ast.expr | None
    made: ast.expr | None
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and len(node.values) == 2:
        given, made = node.values
    elif isinstance(node, ast.IfExp):
        given, made = _branches(node)
    else:
        return None
    source = _source(given, params, kwarg)
    if source is None or not isinstance(made, ast.Call):
        return None
    return made, *source


def _branches(node: ast.IfExp) -> tuple[ast.expr | None, ast.expr | None]:
    """(the given value, the default) of ``x if <test on x> else C()`` or the reverse."""
    test = node.test
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        right = test.comparators[0]
        if not (isinstance(right, ast.Constant) and right.value is None):
            return None, None
        if isinstance(test.ops[0], ast.IsNot):
            return _same(test.left, node.body), node.orelse
        if isinstance(test.ops[0], ast.Is):
            return _same(test.left, node.orelse), node.body
        return None, None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _same(test.operand, node.orelse), node.body
    return _same(test, node.body), node.orelse


def _same(tested: ast.expr, value: ast.expr) -> ast.expr | None:
    return value if ast.dump(tested) == ast.dump(value) else None


def _source(
    node: ast.expr | None, params: tuple[str, ...], kwarg: str | None
) -> tuple[str, str | None] | None:
    """``p`` (a parameter) or ``kwargs.get("k")``/``kwargs.pop("k", None)``."""
    if isinstance(node, ast.Name) and node.id in params and node.id != kwarg:
        return node.id, None
    if (
        isinstance(node, ast.Call)
        and kwarg is not None
        and dotted(node.func) in ([kwarg, "get"], [kwarg, "pop"])
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and all(isinstance(a, ast.Constant) and a.value is None for a in node.args[1:])
        and not node.keywords
    ):
        return kwarg, node.args[0].value
    return None


def optional_member(
    node: ast.expr | None, resolve: Callable[[ast.expr], str | None]
) -> ast.expr | None:
    """``T`` for ``Optional[T]``, ``Union[T, None]`` and ``T | None``: the value is a
    ``T`` wherever it is used as one (``None`` is checked before it is)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        members = [node.left, node.right]
    elif isinstance(node, ast.Subscript):
        name = resolve(node.value) or ""
        if name in ("typing.Optional", "typing_extensions.Optional"):
            return node.slice
        if name not in ("typing.Union", "typing_extensions.Union"):
            return node
        members = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    else:
        return node
    typed = [m for m in members if not (isinstance(m, ast.Constant) and m.value is None)]
    return typed[0] if len(typed) == 1 else None


def annotated_class(node: ast.expr | None, resolve: Callable[[ast.expr], str | None]) -> str | None:
    """The project class (or catalogue type) an annotation names, if plainly one:
    ``Site``, ``"Site"``, ``Optional[Site]``, ``requests.Session | None``, ``Page[T]``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    node = optional_member(node, resolve)
    if isinstance(node, ast.Subscript):
        # ``QuerySet[T]``, ``Page[Item]``: a generic class (typing's are left out below).
        node = node.value
    if node is None or dotted(node) is None:
        return None
    name = resolve(node)
    # ``Any``, ``Mapping``: typing's names say what a value may be, not what makes it.
    if not name or name.startswith(("builtins.", "typing.", "typing_extensions.", "collections.")):
        return None
    if name in CONSTRUCTORS.values():
        return name
    last = name.rsplit(".", 1)[-1]
    return name if last[:1].isupper() and not last.isupper() else None


def injections(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    params: tuple[str, ...],
    kwarg: str | None,
    session_params: set[str],
    type_of: Callable[[ast.Call], str | None],
) -> tuple[Injection, ...]:
    """Where ``node`` takes a session its caller may give: a default form above
    whose default is a session, ``self.x = p`` for a parameter annotated as a
    session (``session_params``), or such a parameter used as it is."""
    found: list[Injection] = []
    held: set[str] = set()
    for stmt in _own_statements(node):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target = stmt.target  # ``self._client: requests.Session = session or ...``
        else:
            continue
        holder = dotted(target)
        if holder is None or len(holder) > 2 or (len(holder) == 2 and holder[0] != "self"):
            continue
        text = ".".join(holder)
        assert stmt.value is not None
        default = given_default(stmt.value, params, kwarg)
        if default is not None and type_of(default[0]) in SESSION_TYPES:
            param, keyword = default[1], default[2]
        elif isinstance(stmt.value, ast.Name) and stmt.value.id in session_params:
            param, keyword = stmt.value.id, None
        else:
            continue
        held.add(param)
        configured = len(holder) == 2 and _configures(node, stmt, holder)
        found.append(Injection(text, param, keyword, span_of(stmt), configured))
    for param in sorted(session_params - held):
        found.append(Injection(param, param, None, span_of(node)))
    return tuple(found)


def _own_statements(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The function's statements, nested blocks included, nested scopes left out."""
    found: list[ast.stmt] = []
    todo: list[ast.AST] = list(node.body)
    while todo:
        sub = todo.pop(0)
        if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(sub, ast.stmt):
            found.append(sub)
        todo.extend(ast.iter_child_nodes(sub))
    return found


def _configures(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    assign: ast.Assign | ast.AnnAssign,
    holder: list[str],
) -> bool:
    """Whether the function sets something on ``self.<attr>`` besides choosing it
    (``self.session.headers["X"] = v``, ``self.session.auth = a``, ``.mount(...)``)."""
    size = len(holder)
    for sub in ast.walk(node):
        if sub is assign:
            continue
        if isinstance(sub, ast.Call):
            parts = dotted(sub.func)
            if parts and parts[:size] == holder and len(parts) > size + 1:
                return True  # ``self.session.headers.update(...)``
            if parts and parts[:size] == holder and parts[-1] == "mount":
                return True
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = sub.targets
        elif isinstance(sub, ast.AugAssign | ast.AnnAssign):
            targets = [sub.target]
        for target in targets:
            while isinstance(target, ast.Subscript):
                target = target.value
            parts = dotted(target)
            if parts and parts[:size] == holder and len(parts) > size:
                return True
    return False
