"""Session factories that move to httpx: the edits their module and callers need.

A top-level ``make_session()`` that only makes and configures a session (see
analyse/factories.py) returns an ``httpx.AsyncClient`` made the same way; a
module global or ``self.<attr>`` it fills becomes one client per event loop
made by it (``AsyncClientPerLoop(functools.partial(make_session, ...))``, the
arguments evaluated once, where the legacy code called it); a local it fills
is a client of the function, closed as one made there would be. A test's
``mock.patch("pkg.api.make_session")`` gives a client mock whose request methods
are awaited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..analyse.decisions import Colouring
from ..analyse.factories import Held
from ..analyse.graph import CallGraph, held_key, session_key
from ..analyse.model import RETURNS_SUFFIX, Span

Pos = tuple[int, int, int, int]


class FileEdits(Protocol):
    """What this module writes of :class:`~migrate.plan.edits.FileEdits`."""

    client_factories: set[str]
    per_loop_factories: set[Pos]
    factory_locals: set[Pos]
    factory_patches: set[str]


class Columns(Protocol):
    def pos(self, span: Span) -> Pos: ...


def plan_factories(
    graph: CallGraph,
    colouring: Colouring,
    for_module: Callable[[str], tuple[FileEdits, Columns]],
) -> None:
    """The edits of every factory one of whose sessions code that becomes async calls."""
    used = {
        session_key(graph, graph.functions[qualname], call.text, call.target)
        for qualname, calls in graph.blocking.items()
        if colouring.is_async(qualname)
        for call, _ in calls
    }
    # ``getattr(self.session, method)(url)``: its verbs looked up, awaited as calls are.
    used |= {
        session_key(graph, graph.functions[holder], text)
        for holder, _, text, _ in colouring.passed_values
        if colouring.is_async(holder)
    }
    # What code that becomes async hands on (``fetch(SESSION, url)``): the global's
    # type (``pkg.api.make_session()``) or ``self.<attr>``'s (``pkg.api.Client.http``).
    handed = {
        value
        for qualname, fn in graph.functions.items()
        if colouring.is_async(qualname)
        for call in fn.calls
        for value in (*call.arg_values, *(v for _, v in call.kwarg_values))
        if value
    }
    # Fixtures tests that become async ask for.
    asking = {
        param
        for qualname, fn in graph.functions.items()
        if colouring.is_async(qualname)
        for param in fn.params
    }
    for qualname, sites in graph.moved_factories.items():
        # Requests made through one of its sessions move, a function keeping one in
        # a local becomes async, or async code hands a global or attribute one on.
        if not any(
            held_key(graph, site) in used
            or (site.kind in ("local", "with") and colouring.is_async(site.function.qualname))
            or (site.kind == "global" and qualname + RETURNS_SUFFIX in handed)
            or (site.kind == "attr" and _attribute(graph, site) in handed)
            or (site.kind == "fixture" and site.function.name in asking)
            for site in sites
        ):
            continue
        factory = graph.functions[qualname]
        fe, _ = for_module(factory.module)
        fe.client_factories.add(qualname)
        # ``mock.patch("pkg.api.make_session")``: where tests may reach it by name.
        patched = {qualname} | {
            f"{site.function.module}.{site.call.text}"
            for site in sites
            if "." not in site.call.text
        }
        for module, loaded in graph.project.files.items():
            found = {
                t
                for t in patched
                if f'"{t}"' in loaded.source.text or f"'{t}'" in loaded.source.text
            }
            if found:
                for_module(module)[0].factory_patches |= found
        for site in sites:
            fe, cols = for_module(site.function.module)
            if site.kind in ("global", "attr"):
                fe.per_loop_factories.add(cols.pos(site.call.span))
            elif site.kind != "fixture":
                fe.factory_locals.add(cols.pos(site.call.span))


def _attribute(graph: CallGraph, site: Held) -> str | None:
    """``pkg.api.Client.http`` for ``self.http = make_session()`` in Client's method."""
    key = held_key(graph, site)
    return f"{key[0]}.{key[1]}" if key is not None else None
