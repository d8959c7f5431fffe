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
from .tree import expr_text


def held_attribute(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    made_by: dict[str, set[str | None]],
    attr_types: dict[str, str],
) -> tuple[str, str] | None:
    """The attribute of ``self`` every return of method ``node`` gives, and its session
    type, when it holds a session: made there (``made_by``, what each assignment in
    ``node`` makes) or anywhere in the class (``attr_types``)."""
    returned = {
        expr_text(sub.value)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Return) and sub.value is not None
    }
    held = returned.pop() if len(returned) == 1 else ""
    owner, _, attr = held.partition(".")
    if owner != "self" or not attr or "." in attr:
        return None
    made = made_by.get(held, {attr_types.get(attr)})
    typ = made.pop() if len(made) == 1 else None
    return (held, typ) if typ in SESSION_TYPES else None


def inherited_from_elsewhere(facts: ModuleFacts, defined: set[str], name: str) -> bool:
    """Whether method ``name`` of a class of ``facts``' module, whose body defines
    ``defined``, is one it inherits from a class in another module: only the graph
    knows what it gives (``self._get_session()`` of a base class there)."""
    owner, _, method = name.rpartition(".")
    bases = facts.classes.get(owner)
    if not bases or method in defined:
        return False
    return any(not base.startswith(facts.module + ".") for base in bases)
