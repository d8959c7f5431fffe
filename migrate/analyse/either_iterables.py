"""Loops over what a function gives that may or may not be an async iterator.

``def list(self, iterator=False) -> Union[RESTObjectList, List[RESTObject]]``:
when ``RESTObjectList.__next__`` becomes ``__anext__``, what ``list()`` gives
is iterated with ``async for`` in one case and ``for`` in the other, and the
analysis cannot tell which a caller gets (a keyword decides at run time). A
loop over it (``for``, a comprehension, ``list(...)``, ``next(iter(...))``) in
code that becomes async iterates it through the ``async_iter`` helper, which
takes both and gives an async iterator's own, so a loop that stops early
fetches what it did. Where an ``isinstance`` check types the value first (see
narrowing) the loop follows that class and none of this applies. A loop in
code that stays sync cannot do that: it is named for review.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph
from .model import RETURNS_SUFFIX, Call, Function
from .tree import short_name


def settle(graph: CallGraph, colouring: Colouring) -> None:
    """Note the loops that iterate through ``async_iter``; review the others."""
    iterators = {
        fn.class_qualname
        for qualname in colouring.async_functions
        if (fn := graph.functions[qualname]).class_qualname
        and (fn.name == "__next__" or (fn.name == "__iter__" and fn.is_generator))
    }
    if not iterators:
        return
    for fn in graph.functions.values():
        for call in fn.calls:
            maybe = _maybe_iterator(graph, call, iterators)
            if maybe is None:
                continue
            if (fn.is_async or colouring.is_async(fn.qualname)) and not call.in_lambda:
                colouring.either_iterations.append((fn.qualname, call.span))
            else:
                colouring.review.append(_review(fn, call, *maybe))


def _maybe_iterator(
    graph: CallGraph, call: Call, iterators: set[str]
) -> tuple[Function, str] | None:
    """The function whose result ``call`` iterates, and an async iterator class
    among what it may give, when what it gives is not one known class."""
    made = (call.target or "").removesuffix(".__next__")
    if not call.iterates or not made.endswith(RETURNS_SUFFIX):
        return None
    if graph.resolve(call.target) in graph.functions:
        return None  # typed: the loop follows its class
    maker = graph.functions.get(graph.resolve(made.removesuffix(RETURNS_SUFFIX)) or "")
    if maker is None:
        return None
    named = sorted({graph.resolve(n) or n for n in maker.annotated_returns} & iterators)
    return (maker, named[0]) if named else None


def _review(fn: Function, call: Call, maker: Function, iterator: str) -> Review:
    return Review(
        fn.qualname,
        call.span,
        f"`{call.text.removesuffix('.__next__')}` is iterated by a sync loop, and"
        f" {short_name(maker.qualname)} may return a {iterator.rsplit('.', 1)[-1]}, an async"
        " iterator now, which a sync loop cannot iterate: iterate it with `async for`"
        " where it is one",
    )
