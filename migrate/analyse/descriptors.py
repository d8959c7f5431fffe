"""The classes a descriptor serves: what its ``__get__``'s ``instance`` is.

``status = Lazy("/status")`` in the body of ``Api``: reading ``api.status``
runs ``Lazy.__get__(descriptor, api, Api)``, which no call site shows. Its
``instance`` parameter is an ``Api`` (or None, read on the class), so what
``__get__`` does through it (``instance.session.get(...)``) is typed as the
calls of a method of ``Api`` are; ``__set__`` and ``__delete__`` likewise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import ModuleFacts

DESCRIPTOR_METHODS = frozenset({"__get__", "__set__", "__delete__"})


def descriptor_owners(
    facts: Iterable[ModuleFacts], resolve: Callable[[str], str | None]
) -> dict[str, list[str]]:
    """Descriptor class -> the classes whose bodies hold an instance of it."""
    found: dict[str, list[str]] = {}
    for module in facts:
        for owner, names in module.class_attrs.items():
            attrs = module.attr_types.get(owner, {})
            for name in names:
                if name in attrs:
                    held = resolve(attrs[name]) or attrs[name]
                    found.setdefault(held, []).append(owner)
    return found
