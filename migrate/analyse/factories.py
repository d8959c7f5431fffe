"""Sessions a factory function makes, held where the factory's caller keeps them.

``def make_session(): s = requests.Session(); ...; return s`` is a session
factory (see :meth:`~migrate.analyse.names.NameResolver._returned_type`). What
a call of it gives, kept in a local (``s = make_session()``) or a module
global (``SESSION = make_session()``), is typed ``<module>.make_session()``:
the graph knows it is a session (see ``graph.held_factory_sessions``), so the
calls made through it are seen, never left as a silent no-op.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .model import RETURNS_SUFFIX, ModuleFacts


def session_factories(facts: ModuleFacts) -> set[str]:
    """The top-level functions of the module that make the session they return."""
    return {f"{facts.module}.{name}" for name in facts.session_returns if "." not in name}


def type_factory_globals(
    tree: ast.Module, facts: ModuleFacts, type_of_call: Callable[[ast.Call], str | None]
) -> None:
    """``SESSION = make_session()`` at the top level: the global holds what the factory
    gives, a session when it is one (here, or imported: the graph decides)."""
    factories = session_factories(facts)
    for stmt in tree.body:
        value = getattr(stmt, "value", None)
        targets = getattr(stmt, "targets", None) or [getattr(stmt, "target", None)]
        if isinstance(value, ast.Call) and isinstance(targets[0], ast.Name):
            typ = type_of_call(value) or ""
            # A function imported by name: the graph knows whether it makes a session.
            imported = isinstance(value.func, ast.Name) and typ.endswith(RETURNS_SUFFIX)
            if typ.removesuffix(RETURNS_SUFFIX) in factories or imported:
                facts.typed_names[targets[0].id] = typ
