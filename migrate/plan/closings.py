"""``with closing(x):`` once ``x`` is async: no wrapper, or ``contextlib.aclosing``.

``closing(x)`` enters nothing and calls ``x.close()`` on the way out. A
streamed request or a client made in the item becomes httpx's own async
context manager (a stream, an ``AsyncClient``), which closes itself on the
way out: the wrapper goes. An object made elsewhere whose close became
``aclose`` (a client that became an ``AsyncClient``, a project class whose
``close`` became async) is closed by ``contextlib.aclosing`` instead, in an
``async with``; entering it with ``async with x:`` would not do, since an
httpx client that has been used cannot be entered again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from ..analyse.catalogue import CONSTRUCTORS, Action
from ..analyse.decisions import Colouring
from ..analyse.graph import CallGraph
from ..analyse.model import Call, Function, Span

CLIENT_TYPES = frozenset(CONSTRUCTORS.values())
Pos = tuple[int, int, int, int]


class FileEdits(Protocol):
    """What this module reads and writes of :class:`~migrate.plan.edits.FileEdits`."""

    async_withs: set[Pos]
    unwrapped_closings: set[Pos]
    aclosings: set[Pos]

    @property
    def client_constructors(self) -> Mapping[Pos, str]: ...

    @property
    def http_calls(self) -> Mapping[Pos, object]: ...


class Columns(Protocol):
    def pos(self, span: Span) -> Pos: ...


def plan_closings(
    graph: CallGraph,
    colouring: Colouring,
    for_module: Callable[[str], tuple[FileEdits, Columns]],
) -> None:
    """Note, per file, the ``closing(...)`` items that go and those that become ``aclosing``."""
    for fn in graph.functions.values():
        if not (fn.is_async or colouring.is_async(fn.qualname)):
            continue
        for call in fn.calls:
            if call.closes is None or call.in_lambda:
                continue
            fe, cols = for_module(fn.module)
            here, closed = cols.pos(call.span), cols.pos(call.closes)
            if closed in fe.client_constructors or closed in fe.http_calls:
                fe.unwrapped_closings.add(here)
            elif here in fe.async_withs or _converted_client(graph, fn, call, fe, cols):
                fe.aclosings.add(here)
                fe.async_withs.add(here)


def _converted_client(
    graph: CallGraph, fn: Function, call: Call, fe: FileEdits, cols: Columns
) -> bool:
    """Whether ``call`` closes a client whose requests here became httpx calls."""
    if not set(call.arg_types[:1]) & CLIENT_TYPES:
        return False
    return any(
        entry.action is Action.REWRITE
        and made.text.startswith(call.closes_text + ".")
        and cols.pos(made.span) in fe.http_calls
        for made, entry in graph.blocking.get(fn.qualname, [])
    )
