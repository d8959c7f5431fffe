"""Functions a library's decorator wraps: they stay sync, unless it is known to await.

``@app.task`` (celery), ``@rpc(...)`` (spyne), ``@login_manager.user_loader``
(Flask-Login), ``@signal.connect``: a decorator from outside the project
registers what it wraps, or wraps it in code that calls it and uses what it
returns, synchronously. As ``async def`` the function would hand that code a
coroutine it never awaits. The analysis cannot read the library, so unless the
decorator is one known to hand back, or await, what a coroutine function returns
(tenacity's ``retry``, ``functools.wraps``: frameworks.ASYNC_AWARE_DECORATORS),
the function stays sync, as a thread's ``run`` does (see threads): the plan says
why, and whatever async code it reaches is bridged there.

Decorators handled elsewhere are left to their rules: the project's own (see
decorators and decorated), memoisers, properties, context managers, patchers,
Flask's, click's, pytest's and unittest's. Tests are left as they are: pytest
calls them, and the decorators tests use (patches, marks, mocks) are the ones
the rewrite knows.
"""

from __future__ import annotations

from .catalogue import Action
from .decisions import Colouring, Review
from .frameworks import (
    ASYNC_AWARE_DECORATORS,
    FIXTURE_DECORATORS,
    FLASK_ASYNC_RECEIVERS,
    MEMOISERS,
    PATCHERS,
    SYNC_CALLING_DECORATORS,
)
from .graph import CallGraph
from .model import Function

# Packages whose decorators mark what they wrap, or are the test runner's: the
# builtins' (property, staticmethod), abc's and typing's, pytest's and unittest's.
_MARKERS = ("builtins.", "abc.", "typing.", "typing_extensions.", "pytest.", "unittest.")
# Decorators other rules decide on, by their resolved name.
_HANDLED = frozenset(
    {
        *MEMOISERS,
        *PATCHERS,
        *FIXTURE_DECORATORS,
        *SYNC_CALLING_DECORATORS,
        *("contextlib.contextmanager", "contextlib.asynccontextmanager"),
    }
)


def library_decorator_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why ``fn`` stays sync when a library's decorator wraps it, or None."""
    if fn.framework or fn.is_async or graph.project.facts[fn.module].is_test_file:
        return None
    if fn.property or fn.memoised or fn.contextmanager:
        return None  # werkzeug's cached_property is a property: see properties
    for decorator in fn.decorators:
        target = graph.resolve(decorator.target) if decorator.target else None
        library = _library(target, graph)
        if library is None or target in ASYNC_AWARE_DECORATORS or target in _HANDLED:
            continue
        if library == "flask" and (target or "").rsplit(".", 1)[-1] in FLASK_ASYNC_RECEIVERS:
            continue  # ``@app.context_processor``: Flask runs it through ensure_sync
        return f"its @{decorator.text} comes from {library}, which may call it synchronously"
    return None


def reviews(graph: CallGraph, result: Colouring) -> None:
    """A review item per function kept sync so whose blocking calls stay: the plan
    says why nothing moved there."""
    for qualname, why in result.boundaries.items():
        fn = graph.functions[qualname]
        if why != library_decorator_boundary(fn, graph):
            continue
        blocking = [
            c.text for c, e in graph.blocking.get(qualname, []) if e.action is Action.REWRITE
        ]
        if blocking:
            result.review.append(
                Review(
                    qualname,
                    fn.span,
                    f"stays sync: {why}; {', '.join(sorted(set(blocking)))} there stays blocking"
                    " (make it async by hand if that library awaits coroutine functions)",
                )
            )


def _library(target: str | None, graph: CallGraph) -> str | None:
    """The package a decorator named ``target`` comes from, when it is none of the
    project's: neither a module of the project nor a name one of them defines."""
    if not target or "." not in target or target.startswith(_MARKERS):
        return None
    if target in graph.functions or target in graph.class_names():
        return None
    if graph.project.module_of(target) is not None:
        return None
    return target.split(".", 1)[0]
