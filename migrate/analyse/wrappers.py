"""Decorators that put a wrapper in place of the function they decorate.

The wrapper calls the function it wraps, so it becomes async with it (see
graph.build_graph, which links them).
"""

from __future__ import annotations

from .model import Function


def wrapper_of(functions: dict[str, Function], decorator: str | None, is_call: bool) -> str | None:
    """The nested function a decorator puts in place of the function it decorates.

    ``@timed`` -> ``timed.<wrapper>``; ``@retry()`` -> ``retry.decorator.<wrapper>``;
    ``@Retry(3)`` -> ``Retry.__call__.<wrapper>``.
    The wrapper is recognised by calling a parameter of its enclosing function.
    """
    if decorator is None:
        return None
    if decorator not in functions and is_call:
        # ``@Retry(3)``, a class: the instance decorates, its ``__call__(self, fn)``
        # taking the function and handing back the wrapper.
        method = functions.get(f"{decorator}.__call__")
        return None if method is None else _wrapper_returned(functions, method)
    if decorator not in functions:
        return _call_method_wrapper(functions, decorator)
    fn = functions[decorator]
    if is_call:
        if len(fn.returns_inner) != 1:
            return None
        fn = functions.get(fn.returns_inner[0], fn)
    return _wrapper_returned(functions, fn)


def _wrapper_returned(functions: dict[str, Function], fn: Function) -> str | None:
    """The one nested function ``fn`` returns, when it calls a parameter of ``fn``."""
    if len(fn.returns_inner) != 1:
        return None
    wrapper = functions.get(fn.returns_inner[0])
    if wrapper is None:
        return None
    if any(owner == fn.qualname for owner, _, _ in wrapper.param_calls):
        return wrapper.qualname
    return None


def _call_method_wrapper(functions: dict[str, Function], cls: str) -> str | None:
    """``@memo`` where ``memo`` is a class: its ``__call__``, when it calls what ``__init__`` kept.

    ``def __init__(self, fn): self.fn = fn`` and ``def __call__(self, *a): ...
    self.fn(*a)``: instances stand in for the function they decorate.
    """
    call = functions.get(f"{cls}.__call__")
    init = functions.get(f"{cls}.__init__")
    if call is None or init is None:
        return None
    kept = {f"self.{attr}" for attr in init.param_attrs}
    if any(owner == cls and name in kept for owner, name, _ in call.param_calls):
        return call.qualname
    return None
