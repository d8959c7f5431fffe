"""Reviews of decorated functions once colouring is done.

A decorator's wrapper becomes async with the functions it wraps (a retry loop
sleeping between tries), and so do the plain functions it also wraps (see
wrapped_with); one that also wraps functions that must stay sync would hand
their callers coroutines, so the plan names it. A memoised function
stays sync (an async one would cache a coroutine awaitable only once); where
it reaches async code, the plan says so.
"""

from __future__ import annotations

from .catalogue import Action
from .decisions import Colouring, Reason, Review
from .graph import CallGraph
from .tree import short_name


def wrapped_with(wrapper: str, graph: CallGraph, result: Colouring) -> list[str]:
    """The plain functions a wrapper that became async wraps besides the ones that
    made it so (``@might_need_auth`` on a function that awaits nothing, in a
    test): they become async too, since the wrapper awaits what it calls and its
    callers get a coroutine anyway. Memoised functions, generators and functions
    that must stay sync are left, for the review below."""
    made = []
    for qualname in graph.wrapped_by.get(wrapper, []):
        fn = graph.functions[qualname]
        if (
            fn.is_async
            or fn.memoised
            or fn.is_generator
            or qualname in result.async_functions
            or qualname in result.boundaries
        ):
            continue
        span = next((d.span for d in fn.decorators), fn.span)
        result.async_functions[qualname] = Reason(wrapper, span, "decorated")
        made.append(qualname)
    return made


def decorated_reviews(graph: CallGraph, result: Colouring) -> None:
    """Adds the reviews of wrappers wrapping both kinds and of memoised functions."""
    _wrappers(graph, result)
    _memoised(graph, result)


def _wrappers(graph: CallGraph, result: Colouring) -> None:
    for wrapper, wrapped in graph.wrapped_by.items():
        if wrapper not in result.async_functions:
            continue
        sync_ones = [
            w
            for w in wrapped
            if w not in result.async_functions and not graph.functions[w].is_async
        ]
        if sync_ones:
            fn = graph.functions[wrapper]
            result.review.append(
                Review(
                    wrapper,
                    fn.span,
                    "this decorator wraps functions that become async and functions that stay"
                    f" sync ({', '.join(short_name(s) for s in sync_ones)}); make it handle both"
                    " (inspect.iscoroutinefunction, or Flask's current_app.ensure_sync)",
                )
            )


def _memoised(graph: CallGraph, result: Colouring) -> None:
    for qualname, why in result.boundaries.items():
        if why != "memoised":
            continue
        fn = graph.functions[qualname]
        reaches = [c for c, e in graph.blocking.get(qualname, []) if e.action is Action.REWRITE]
        reaches_async = any(
            graph.callee_of(c) in result.async_functions for c in fn.calls if graph.callee_of(c)
        )
        if reaches or reaches_async:
            result.review.append(
                Review(
                    qualname,
                    fn.span,
                    f"memoised with {fn.memoised}: as async it would cache a coroutine that can"
                    " be awaited only once; left sync (async_memo carries maxsize, cache and"
                    " key only)",
                )
            )
