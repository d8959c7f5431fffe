"""Decorators of the project that hand the function they wrap what its callers give.

``@retry(times=3)`` over ``def current(city, session=None)``: the callers of
``current`` call the wrapper, which calls ``current(*args, **kwargs)``. What
they give ``session`` still reaches it, so its type flows from their call
sites (see typeflow) as if the decorator were not there. A wrapper that
reads or changes what it hands on (``kwargs.pop(...)``, ``args[0]``) hides
the call sites.
"""

from __future__ import annotations

from typing import Protocol

from .model import Decorator, Function


class Resolver(Protocol):
    def resolve(self, name: str | None, depth: int = 0) -> str | None: ...


def passes_through(decorator: Decorator, graph: Resolver, functions: dict[str, Function]) -> bool:
    """Whether every wrapper ``decorator`` defines with ``*args, **kwargs`` calls the
    function it wraps with ``(*args, **kwargs)``, handed on whole."""
    target = graph.resolve(decorator.target) if decorator.target else None
    if target not in functions:
        return False
    wrappers = [
        fn
        for name, fn in functions.items()
        if name.startswith(f"{target}.") and fn.vararg and fn.kwarg
    ]
    return bool(wrappers) and all(_hands_on_whole(fn) for fn in wrappers)


def _hands_on_whole(wrapper: Function) -> bool:
    """``func(*args, **kwargs)`` in ``wrapper``, ``func`` a parameter of a function
    around it, and its ``**kwargs`` used nowhere else."""
    called = {where for owner, _, where in wrapper.param_calls if owner != wrapper.qualname}
    return not wrapper.kwargs_read and any(
        call.span in called
        and call.positional == -1
        and call.star_args == wrapper.vararg
        and call.keywords == ("**",)
        and call.star_kwargs == wrapper.kwarg
        for call in wrapper.calls
    )
