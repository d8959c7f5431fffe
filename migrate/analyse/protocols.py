"""Classes that implement a ``typing.Protocol`` without deriving from it.

``def first_items(source: Source)`` with ``class Source(Protocol): def
page(self, n): ...`` calls ``Source.page``, and reaches ``HttpSource.page``
of a class that only has the same methods. Once that one awaits, the call
must too, and every other implementation becomes async with it, as the
overrides of a base class's method do. A project class is taken to
implement a protocol when it defines every method the protocol does, each
with the protocol's parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Function, ModuleFacts

PROTOCOL_BASES = frozenset({"typing.Protocol", "typing_extensions.Protocol"})


def implementers(
    facts: Iterable[ModuleFacts],
    functions: Iterable[Function],
    resolve: Callable[[str], str | None],
) -> dict[str, list[str]]:
    """Each protocol the project defines -> the project classes implementing it."""
    classes: dict[str, list[str]] = {}
    for module in facts:
        for name, bases in module.classes.items():
            classes[name] = [resolve(base) or base for base in bases]
    # Each class's methods, by name, with their parameters: a method of the same
    # name taking other parameters (``Gitlab.http_request(verb, path, ...)`` beside a
    # backend protocol's ``http_request(method, url, ...)``) implements nothing.
    methods: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for fn in functions:
        if fn.class_qualname is not None and not fn.name.startswith("__"):
            methods.setdefault(fn.class_qualname, set()).add((fn.name, fn.params))
    protocols = {name for name, bases in classes.items() if PROTOCOL_BASES & set(bases)}
    found: dict[str, list[str]] = {}
    for protocol in sorted(protocols):
        wanted = methods.get(protocol)
        if not wanted:
            continue
        found[protocol] = [
            name
            for name in classes
            if name not in protocols
            and protocol not in classes[name]
            and wanted <= methods.get(name, set())
        ]
    return found
