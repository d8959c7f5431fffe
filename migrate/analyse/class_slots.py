"""Classes kept in a class attribute and called through it: ``resource_class = Resource``.

An SDK's manager makes its resources through an attribute a subclass may
override (``self.resource_class(self, data)``, ``self._obj_cls(...)``). When
every value an attribute of that name is given in the project is a project
class, set in a class body, and the attribute is only ever called, through a
receiver the analysis knows to be a project class's instance or the class
itself, each such call is a call site of every one of those classes: their
constructors' parameters get what it gives (see typeflow), what it makes is
an instance of the class they share, and the classes are no values handed
where no call shows them.

An attribute of that name read any other way (handed on, ``isinstance``'s
second argument counts too), written outside a class body, or called through
a receiver of unknown type keeps its classes values, as before.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

from .model import Call, Function, ModuleFacts

Resolve = Callable[[str | None], str | None]


def class_slot(node: ast.Assign) -> str | None:
    """``resource_class = Resource`` in a class body: the attribute, when the value
    names a class (a function kept there, ``do_GET = _handle``, stays a value)."""
    target, value = node.targets[0], node.value
    if isinstance(value, ast.Attribute):
        name = value.attr
    elif isinstance(value, ast.Name):
        name = value.id
    else:
        return None
    if len(node.targets) != 1 or not isinstance(target, ast.Name):
        return None
    return target.id if name[:1].isupper() else None


def class_slots(
    classes: set[str],
    facts: Iterable[ModuleFacts],
    functions: Iterable[Function],
    resolve: Resolve,
) -> dict[str, tuple[str, ...]]:
    """Attribute name -> the project classes it holds, for attributes only called."""
    given: dict[str, set[str]] = {}
    written: set[str] = set()
    for module in facts:
        for attr, names in module.attr_classes.items():
            given.setdefault(attr, set()).update(resolve(n) or n for n in names)
        written |= module.attr_writes | set(module.attr_values)
    slots = {
        attr: tuple(sorted(names))
        for attr, names in given.items()
        if names <= classes and attr not in written
    }
    functions = list(functions)
    for fn in functions:
        for attr, _ in fn.self_assigns:
            slots.pop(attr, None)  # ``self.resource_class = ...`` in a method
    return only_called(slots, classes, functions, resolve)


def only_called(
    slots: dict[str, tuple[str, ...]],
    classes: set[str],
    functions: Iterable[Function],
    resolve: Resolve,
) -> dict[str, tuple[str, ...]]:
    """Of ``slots``, the attributes only ever called, each through a receiver the
    analysis knows to be a project class's instance or the class itself."""
    slots = dict(slots)
    for fn in functions:
        if not slots:
            break
        for read in fn.reads:
            slots.pop(read.text.rpartition(".")[2], None)
        for ref in fn.refs:
            slots.pop(ref.text.rpartition(".")[2], None)
        for call in fn.calls:
            parts = call.text.split(".")
            for part in parts[1:-1]:
                slots.pop(part, None)  # ``self.resource_class.from_json(...)``
            if parts[-1] in slots and len(parts) > 1 and not slot_owner(call, classes, resolve):
                slots.pop(parts[-1])
    return slots


def slot_owner(call: Call, classes: set[str], resolve: Resolve) -> str | None:
    """The project class ``call`` reaches the attribute through, if the analysis knows it."""
    found = (call.target or "").rpartition(".")[0]
    found = resolve(found) or found
    return found if found in classes else None


def called_slot(call: Call, slots: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The classes of the slot ``call`` calls, by its name (none when it calls none)."""
    if call.choices or "." not in call.text or "(" in call.text:
        return ()
    return slots.get(call.text.rpartition(".")[2], ())


def kept_in(targets: list[ast.expr]) -> str | None:
    """``self.page_class = ...``: the one attribute an assignment sets, if that is all."""
    if len(targets) == 1 and isinstance(targets[0], ast.Attribute):
        return targets[0].attr
    return None
