"""The classes a descriptor serves: what its ``__get__``'s ``instance`` is.

``status = Lazy("/status")`` in the body of ``Api``: reading ``api.status``
runs ``Lazy.__get__(descriptor, api, Api)``, which no call site shows. Its
``instance`` parameter is an ``Api`` (or None, read on the class), so what
``__get__`` does through it (``instance.session.get(...)``) is typed as the
calls of a method of ``Api`` are; ``__set__`` and ``__delete__`` likewise.
The attributes holding instances are read once here for callable instances
too (see called_instances).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import ModuleFacts

DESCRIPTOR_METHODS = frozenset({"__get__", "__set__", "__delete__"})


def instance_holders(
    facts: Iterable[ModuleFacts], resolve: Callable[[str], str | None]
) -> dict[str, list[tuple[str, str]]]:
    """Class -> the (class, attribute) pairs typed as holding an instance of it:
    ``self.rank = Ranker(self)`` in a method, ``status = Remote("/status")`` in a body."""
    found: dict[str, list[tuple[str, str]]] = {}
    for module in facts:
        for owner, attrs in module.attr_types.items():
            for attr, typ in attrs.items():
                found.setdefault(resolve(typ) or typ, []).append((owner, attr))
    return found


def descriptor_owners(
    facts: Iterable[ModuleFacts], resolve: Callable[[str], str | None]
) -> dict[str, list[str]]:
    """Descriptor class -> the classes whose bodies hold an instance of it."""
    modules = list(facts)
    in_body = {(owner, n) for m in modules for owner, names in m.class_attrs.items() for n in names}
    found: dict[str, list[str]] = {}
    for held, pairs in instance_holders(modules, resolve).items():
        owners = [owner for owner, attr in pairs if (owner, attr) in in_body]
        if owners:
            found[held] = owners
    return found
