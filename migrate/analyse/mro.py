"""What ``super().m()`` calls in a class with no bases of its own: a mixin's.

``class CountMixin: def refresh(self): ...; return super().refresh()`` names no
base: the method it reaches is the one after ``CountMixin`` in the method
resolution order of each class mixing it in (``class User(CountMixin, Base)``
reaches ``Base.refresh``). Every such method, over the project's classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# ``super().m`` in class ``C`` with no bases, as names resolve it: ``C<super>.m``.
SUPER_MARK = "<super>."


def super_target(cls: str, attr: str) -> str:
    return f"{cls}{SUPER_MARK}{attr}"


def linearised(cls: str, bases_of: Callable[[str], list[str]]) -> list[str]:
    """``cls`` and its bases in Python's method resolution order (C3); a class whose
    bases are not known counts as having none. Empty when no order exists."""
    seen: dict[str, list[str]] = {}

    def order(name: str, depth: int) -> list[str]:
        if name in seen or depth > 32:
            return seen.get(name, [name])
        bases = bases_of(name)
        pending = [order(b, depth + 1) for b in bases] + [list(bases)]
        merged = [name]
        while any(pending):
            pending = [p for p in pending if p]
            head = next((p[0] for p in pending if not any(p[0] in q[1:] for q in pending)), None)
            if head is None:
                return []  # no consistent order: Python refuses the class
            merged.append(head)
            pending = [p[1:] if p[0] == head else p for p in pending]
        seen[name] = merged
        return merged

    return order(cls, 0)


def next_methods(
    target: str,
    subclasses: Iterable[str],
    bases_of: Callable[[str], list[str]],
    defined: Callable[[str], bool],
) -> list[str]:
    """The methods ``super().m()`` in ``target``'s class (``C<super>.m``) reaches, one
    per class that mixes it in: the first after it in that class's order."""
    cls, _, attr = target.partition(SUPER_MARK)
    found = set()
    for sub in subclasses:
        order = linearised(sub, bases_of)
        if cls not in order:
            continue
        later = (f"{c}.{attr}" for c in order[order.index(cls) + 1 :])
        method = next((m for m in later if defined(m)), None)
        if method is not None:
            found.add(method)
    return sorted(found)
