"""Methods named only at run time: ``getattr(obj, name)(...)`` and
``setattr(obj, name, MagicMock())``.

A test that runs for many methods (``getattr(bound_model, method.__name__)``,
the mock put in place of the client's method of that name) calls one of the
public methods of the object's class: when its class is known (annotated, made
there, or what the fixture gives, in each test class that runs an inherited
test) and every public method of it becomes async, the call is awaited (its
function becomes async) and the mock is an ``AsyncMock``. When only some do,
or the object's class is unknown, the plan names the call instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import CONSTRUCTORS
from .decisions import Colouring, Fake, Reason, Review
from .graph import CallGraph
from .model import Dynamic


@dataclass(frozen=True)
class Site:
    """One use of a method named at run time, and the methods it may be."""

    function: str
    use: Dynamic
    classes: tuple[str, ...]  # the object's possible classes (empty: unknown)
    candidates: tuple[str, ...]  # their public methods

    @property
    def key(self) -> tuple[str, int, int]:
        return self.function, self.use.span.line, self.use.span.col


def find_sites(graph: CallGraph) -> list[Site]:
    found = []
    values = graph.flow.values if graph.flow is not None else set()
    value_names = {v.rpartition(".")[2] for v in values if v in graph.functions}
    for fn in graph.functions.values():
        for use in fn.dynamic:
            held = graph.resolve(use.held) if use.held else None
            if held in CONSTRUCTORS.values() or held == "requests":
                continue  # a session's verb, or requests', looked up by name: see values
            classes = tuple(graph.held_classes(fn, use.held))
            # ``getattr(self, "get_" + kind)``: one of the methods named so.
            methods = {m for cls in classes for m in graph.public_methods(cls, use.prefix)}
            if use.named_after_function:
                # ``getattr(obj, method.__name__)``: obj's method named like one of the
                # functions used as values (``method`` is one of them).
                methods = {m for m in methods if m.rpartition(".")[2] in value_names}
            if use.names:
                methods = _named(graph, classes, methods, use.names)
            candidates = tuple(sorted(methods))
            found.append(Site(fn.qualname, use, classes, candidates))
    return found


def _named(
    graph: CallGraph, classes: tuple[str, ...], methods: set[str], names: tuple[str, ...]
) -> set[str]:
    """Of ``methods``, those a parametrised test names; a name no class defines is
    one of the methods the class gets at import (``setattr(Node, name, make(...))``):
    the functions those makers return. None known: nothing (the call stays named)."""
    found = {m for m in methods if m.rpartition(".")[2] in names}
    if set(names) <= {m.rpartition(".")[2] for m in found}:
        return found
    made_at_import = made_methods(graph)
    made = {q for cls in classes for q in made_at_import.get(cls, ())}
    return found | made if made else set()


def made_methods(graph: CallGraph) -> dict[str, set[str]]:
    """Each class that gets methods at import (``ModuleFacts.made_methods``) -> the
    functions its makers return, defined inside them."""
    makers: dict[str, set[str]] = {}
    for facts in graph.project.facts.values():
        for cls, made in facts.made_methods.items():
            for maker in made:
                makers.setdefault(maker, set()).add(cls)
    found: dict[str, set[str]] = {}
    if makers:
        for qualname, fn in graph.functions.items():
            for cls in makers.get(fn.parent or "", ()):
                found.setdefault(cls, set()).add(qualname)
    return found


def all_async(sites: list[Site], graph: CallGraph, result: Colouring) -> set[tuple[str, int, int]]:
    """The sites every candidate of which is async (or becomes so)."""
    return {
        site.key
        for site in sites
        if site.candidates and all(result.now_async(graph.functions[m]) for m in site.candidates)
    }


def apply(
    sites: list[Site], enabled: set[tuple[str, int, int]], graph: CallGraph, result: Colouring
) -> None:
    """Await the calls, make the mocks async, and say why where neither is known."""
    for site in sites:
        use = site.use
        if site.key in enabled and (
            use.kind == "mock" or result.now_async(graph.functions[site.function])
        ):
            if use.kind == "call":
                if not use.awaited:
                    result.param_awaits.append((site.function, use.span))
            else:
                result.fakes.append(
                    Fake(site.function, site.candidates[0], use.span, None, mock=True)
                )
            continue
        if site.candidates:
            unsure = any(result.now_async(graph.functions[m]) for m in site.candidates)
        else:
            unsure = bool(result.async_functions)  # any method may be the one
        if unsure:
            result.review.append(Review(site.function, use.span, _why(site, graph, result)))


def _why(site: Site, graph: CallGraph, result: Colouring) -> str:
    use = site.use
    what = (
        f"`getattr({use.text}, ...)(...)` calls a method"
        if use.kind == "call"
        else f"a sync mock is put in place of a method of {use.text}"
    )
    fix = (
        "await the call where it reaches an async one"
        if use.kind == "call"
        else "make it an AsyncMock where it replaces an async one"
    )
    if not site.classes:
        return (
            f"{what} named only at run time, of an object whose class is unknown; methods"
            f" of the project become async: {fix}"
        )
    names = ", ".join(cls.rsplit(".", 1)[-1] for cls in site.classes)
    sync = sorted(
        m.rsplit(".", 1)[-1] for m in site.candidates if not result.now_async(graph.functions[m])
    )
    if not sync:
        why = result.boundaries.get(site.function, "it stays sync")
        return (
            f"{what} of {names} named only at run time; all its public methods become async,"
            f" but this function stays sync ({why}): {fix}"
        )
    return (
        f"{what} of {names} named only at run time; some of its public methods become"
        f" async and {', '.join(sync)} stay sync: {fix}"
    )


def seed(
    sites: list[Site], awaiting: set[tuple[str, int, int]], graph: CallGraph, result: Colouring
) -> list[str]:
    """The functions that become async to await a call of a method named at run time."""
    seeded = []
    for site in sites:
        name = site.function
        if site.key not in awaiting or site.use.kind != "call" or name in result.boundaries:
            continue
        if graph.functions[name].is_async or name in result.async_functions:
            continue
        result.async_functions[name] = Reason(site.candidates[0], site.use.span, "calls")
        seeded.append(name)
    return seeded
