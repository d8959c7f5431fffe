"""Sessions a method or a property hands out, kept in an attribute of the instance.

``def _get_session(self): if self._session is None: self._session =
requests.Session(); ...; return self._session`` makes the session on first use
and gives the one ``self._session`` holds; so does a getter of an attribute
set elsewhere (``return self._session``), and a ``@property`` doing either.
The calls made through it (``self._get_session().get(...)``, ``self.session.get(...)``)
are calls through ``self._session``: the graph types them with its session
(see ``CallGraph.accessor``), and they move to httpx together with it, the
attribute becoming a client per event loop made the same lazy way.

A method or property that makes a new session each time (``return
requests.Session()``), or a ``functools.cached_property`` that keeps the one it
makes on the instance, gives no attribute such a client can be made for: the
calls made through it stay on requests, and the plan says why
(``CallGraph.made_where_used``).
"""

from __future__ import annotations

import ast

from .defaults import SESSION_TYPES
from .model import ModuleFacts
from .tree import _self_attr, dotted, expr_text


def held_attribute(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    made_by: dict[str, set[str | None]],
    attr_types: dict[str, str],
) -> tuple[str, str] | None:
    """The attribute of ``self`` every return of method ``node`` gives, and its session
    type, when it holds a session: made there (``made_by``, what each assignment in
    ``node`` makes) or anywhere in the class (``attr_types``)."""
    held = _returned(node)
    owner, _, attr = held.partition(".")
    if owner != "self" or not attr or "." in attr:
        return None
    made = made_by.get(held, {attr_types.get(attr)})
    typ = made.pop() if len(made) == 1 else None
    return (held, typ) if typ in SESSION_TYPES else None


def held_global(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    made_by: dict[str, set[str | None]],
    module_names: frozenset[str],
) -> tuple[str, str] | None:
    """What top-level function ``node`` keeps the session it makes on first use in, and
    its type: a global it declares (``global _SESSION``), or an attribute of a module
    global (``_local.s``, a ``threading.local()``), returned as it is or through a local
    (``s = getattr(_local, "s", None)`` ... ``s = _local.s = requests.Session()`` ...
    ``return s``)."""
    held = _returned(node)
    declared = {name for sub in ast.walk(node) if isinstance(sub, ast.Global) for name in sub.names}
    local = held.isidentifier() and held not in declared
    if local:
        held = _aliased_holder(node, held) or ""
    head, dot, _ = held.partition(".")
    if not held or head not in module_names or (not dot and head not in declared):
        return None
    if dot and head in {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}:
        return None
    made = {typ for typ in made_by.get(held, ()) if typ is not None or not local}
    typ = made.pop() if len(made) == 1 else None
    return (held, typ) if typ in SESSION_TYPES else None


def _returned(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """What every return of ``node`` gives, as written ("" if they differ)."""
    returned = {
        expr_text(sub.value)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Return) and sub.value is not None
    }
    return returned.pop() if len(returned) == 1 else ""


def _aliased_holder(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> str | None:
    """The attribute local ``name`` stands for when every assignment of it reads it
    (``getattr(_local, "s", None)``, ``_local.s``) or sets it too (``s = _local.s =
    ...``): ``_local.s``."""
    holders: set[str] = set()
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.NamedExpr):
            continue
        targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        others = [expr_text(t) for t in targets if not isinstance(t, ast.Name)]
        value = sub.value
        if isinstance(sub, ast.Assign) and len(targets) == 2 and len(others) == 1:
            holders.add(others[0])  # ``s = _local.s = requests.Session()``
        elif len(targets) != 1 or value is None:
            return None
        elif isinstance(value, ast.Attribute) and dotted(value):
            holders.add(expr_text(value))
        elif (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "getattr"
            and len(value.args) >= 2
            and isinstance(value.args[1], ast.Constant)
            and isinstance(value.args[1].value, str)
            and dotted(value.args[0])
        ):
            holders.add(f"{expr_text(value.args[0])}.{value.args[1].value}")
        else:
            return None
    return holders.pop() if len(holders) == 1 else None


def gives_session(
    facts: ModuleFacts, class_methods: dict[str, set[str]], name: str, method: bool
) -> bool:
    """Whether a call of ``name`` (a ``method``, ``obj.name()``, or not) may give a
    session only the graph can tell: a function or method here that gives one (on a
    class here, maybe through a base class here), or a method a class here inherits
    from a class in another module (``self._get_session()`` of a base there).
    ``class_methods``: the names each class of the module binds in its body."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        name = todo.pop()
        if name.removeprefix(facts.module + ".") in facts.session_returns:
            return True
        owner, _, called = name.rpartition(".")
        if not method or name in seen or called in class_methods.get(owner, ()):
            continue
        seen.add(name)
        for base in facts.classes.get(owner, ()):
            if not base.startswith(facts.module + "."):
                return True  # the graph knows what the other module's base gives
            todo.append(f"{base}.{called}")
    return False


def returned_self_attr(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """``x`` when every ``return`` of ``node`` gives ``self.x`` (or ``cls.x``)."""
    given = {
        _self_attr(r.value) if r.value else None
        for r in ast.walk(node)
        if isinstance(r, ast.Return)
    }
    return given.pop() if len(given) == 1 else None
