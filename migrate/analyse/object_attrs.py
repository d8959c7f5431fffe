"""Objects a module imports or defines that code sets attributes on: Flask's
``g`` (``g.client = Client(base)`` in a ``before_request`` hook), a settings
object, a ``threading.local``.

``g.client.fetch(x)`` anywhere in the project is a call of ``Client.fetch``
when every assignment of ``g.client`` the project makes gives a ``Client``:
the attribute's type, by the object's qualified name (``flask.g.client``).
Catalogue objects are followed only where they are bound to a thread (an
sqlite3 connection in ``g``): a session kept there is another matter (see
factories).
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Mapping

from .catalogue import CONSTRUCTORS, THREAD_BOUND
from .model import RETURNS_SUFFIX, Function, ModuleFacts


def object_attrs(functions: dict[str, Function], facts: dict[str, ModuleFacts]) -> dict[str, str]:
    """``{"flask.g.client": "pkg.api.Client"}``: each such attribute and its type."""
    seen: dict[str, set[str]] = {}
    for fn in functions.values():
        module = facts.get(fn.module)
        if module is None:
            continue
        for text, typ in fn.attr_sets:
            parts = text.split(".")
            if len(parts) != 2 or parts[0] in ("self", "cls") or parts[0] in fn.params:
                continue
            owner = module.imports.get(parts[0])
            if owner is None and parts[0] in module.top_level:
                owner = f"{fn.module}.{parts[0]}"
            if owner is None or owner in facts:
                continue  # a local, or a module of the project (its globals are typed there)
            seen.setdefault(f"{owner}.{parts[1]}", set()).add(typ)
    # ``app.extensions["api"]``: an item of a library object's container holding
    # instances of one class only (``api = app.extensions["api"]; api.get_user()``).
    for module_facts in facts.values():
        for container, types in module_facts.stored_items.items():
            if not project_container(facts, f"{container}.__setitem__"):
                seen.setdefault(f"{container}.__getitem__{RETURNS_SUFFIX}", set()).update(types)
    return {
        key: typ
        for key, (typ,) in ((k, tuple(v)) for k, v in seen.items() if len(v) == 1)
        if typ not in CONSTRUCTORS.values() or typ in THREAD_BOUND
    }


def project_container(facts: Mapping[str, ModuleFacts], receiver: str) -> bool:
    """Whether ``receiver`` stores into a container of the project (``COMMANDS[name] =
    fetch``, whose calls there are followed as calls are), not into a library's
    (``app.jinja_env.globals["temp"] = current_temp``, which the library calls)."""
    if not receiver.endswith(".__setitem__"):
        return False
    parts = receiver.split(".")
    return any(".".join(parts[:cut]) in facts for cut in range(1, len(parts)))


def taken_attr(call: ast.Call, imported: Mapping[str, str], bound: Collection[str]) -> str | None:
    """``g.pop("wx", None)``, ``g.get("wx")``: an attribute of an imported object taken
    by its name (``flask.g.wx``), whose type :func:`object_attrs` knows when the
    project sets it (``wx.close()`` at teardown then calls the client's)."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("pop", "get"):
        return None
    if not isinstance(func.value, ast.Name) or not call.args:
        return None
    owner, key = func.value.id, call.args[0]
    if owner not in imported or owner in bound or not isinstance(key, ast.Constant):
        return None
    if not isinstance(key.value, str) or not key.value.isidentifier():
        return None
    return f"{imported[owner]}.{key.value}"
