"""``migrate plan --steps``: an order of small steps that keeps the app running.

Each step migrates one module (or a few that must move together) with
``migrate apply ... --select``. Code outside the step keeps calling it
through ``async_to_sync`` bridges; a later step removes those bridges when
it makes the callers async (MIG006). Leaves go first, so a step never
depends on a module that is still sync. Modules that a decorator ties
together (a view decorator's wrapper and the views it wraps) move in one
step: a sync wrapper around an async view would return an un-awaited
coroutine. A Flask project gets a last step, ``migrate apply --to quart``
(MIG011), which names the Flask extensions that have no Quart twin.
"""

from __future__ import annotations

import shlex

from ..analyse.quart import quart_facts
from ..analyse.run import Analysis
from .model import StepItem
from .order import leaves_first


def propose_steps(analysis: Analysis, root_args: tuple[str, ...]) -> tuple[StepItem, ...]:
    graph, colouring = analysis.graph, analysis.colouring
    converting = set(colouring.async_functions)
    modules = sorted({graph.functions[q].module for q in converting})
    roots = " ".join(shlex.quote(r) for r in root_args)
    steps = _asyncio_steps(analysis, converting, modules, roots) if modules else []
    quart = _quart_step(analysis, len(steps) + 1, roots)
    return tuple(steps + ([quart] if quart else []))


def _quart_step(analysis: Analysis, number: int, roots: str) -> StepItem | None:
    """Flask -> Quart, once every view that awaits is async (MIG011)."""
    facts = quart_facts(analysis.project)
    if not facts.flask_modules:
        return None
    why = "last: Flask -> Quart on an ASGI server, one event loop and one client per process"
    without = sorted({e.name for e in facts.extensions if e.twin is None})
    twins = sorted({f"{e.name} -> {e.twin}" for e in facts.extensions if e.twin})
    if twins:
        why += f"; swap extensions for their twins: {', '.join(twins)}"
    if without:
        why += f"; no Quart twin (review, or quart-flask-patch): {', '.join(without)}"
    modules = tuple(sorted(facts.modules_to_rewrite()))
    return StepItem(number, modules, (), f"migrate apply {roots} --to quart", why)


def _asyncio_steps(
    analysis: Analysis, converting: set[str], modules: list[str], roots: str
) -> list[StepItem]:
    graph = analysis.graph

    # Modules that must move together: a decorator wrapper and what it wraps.
    parent = {m: m for m in modules}

    def find(m: str) -> str:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for wrapper, wrapped in graph.wrapped_by.items():
        if wrapper not in converting:
            continue
        for fn in wrapped:
            if fn in converting:
                a, b = find(graph.functions[wrapper].module), find(graph.functions[fn].module)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    units: dict[str, set[str]] = {}
    for m in modules:
        units.setdefault(find(m), set()).add(m)

    # A unit depends on the units whose async functions it calls.
    unit_of = {m: find(m) for m in modules}
    needs: dict[str, set[str]] = {u: set() for u in units}
    for edge in graph.edges:
        if edge.caller in converting and edge.callee in converting:
            a = unit_of[graph.functions[edge.caller].module]
            b = unit_of[graph.functions[edge.callee].module]
            if a != b:
                needs[a].add(b)

    order = leaves_first(needs, key=str)

    steps = []
    for number, unit in enumerate(order, 1):
        members = tuple(sorted(units[unit]))
        functions = tuple(sorted(q for q in converting if graph.functions[q].module in members))
        selects = " ".join(f"--select {m}" for m in members)
        deps = sorted({m for u in needs[unit] for m in units[u]})
        why = (
            "a leaf: calls nothing that is still to migrate"
            if not deps
            else f"after {', '.join(deps)}, whose functions it calls"
        )
        if len(members) > 1:
            why += "; moved together: a decorator ties them"
        steps.append(StepItem(number, members, functions, f"migrate apply {roots} {selects}", why))
    return steps
