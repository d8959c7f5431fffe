"""How a ``getattr`` read by spelt-out names (see named_reads) is rewritten.

One ``getattr`` reads one of its names at a time, so they must all be read
alike: each name's getter became a method (``await getattr(obj, name)()``), or
each keeps a sync twin (``await getattr(obj, f"a{name}")()``), or none is
async. One reaching an async getter beside one that does not (a plain
attribute, or a twin beside a property that became a method) holds the apply
back, naming the read.
"""

from __future__ import annotations

from typing import Literal

from .decisions import Colouring, Review
from .graph import CallGraph
from .model import Call, Function, Span

# How one name of a ``getattr`` read is read after the rewrite ("other": a
# generator property's items, which no one form takes with the rest).
Kind = Literal["plain", "method", "twin", "other"]


def kind_of(read: Call, graph: CallGraph, colouring: Colouring) -> Kind:
    """How one name of a ``getattr`` read is read once the rewrite is done."""
    callee = graph.resolve(read.target) if read.target else None
    if callee not in graph.functions or not graph.functions[callee].property:
        return "plain"
    if not colouring.is_async(callee):
        return "plain"
    if graph.functions[callee].is_generator:
        return "other"
    return "twin" if callee in colouring.renamed else "method"


def named_reads(fn: Function) -> dict[Span, list[Call]]:
    """``fn``'s reads by name, by the ``getattr`` call that makes them."""
    found: dict[Span, list[Call]] = {}
    for read in fn.reads:
        if read.named and not read.in_lambda:
            found.setdefault(read.span, []).append(read)
    return found


def read_kinds(fn: Function, graph: CallGraph, colouring: Colouring) -> dict[Span, dict[str, Kind]]:
    """Each ``getattr`` read of ``fn``: how each of its names is read (by the read
    as written, ``self.summary``)."""
    return {
        span: {r.text: kind_of(r, graph, colouring) for r in reads}
        for span, reads in named_reads(fn).items()
    }


def mixed_reads(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """``getattr`` reads, in code that becomes async, of names not all read alike."""
    reviews = []
    for fn in graph.functions.values():
        if not (fn.is_async or colouring.is_async(fn.qualname)):
            continue
        for span, kinds in read_kinds(fn, graph, colouring).items():
            if len(set(kinds.values())) < 2 and "other" not in kinds.values():
                continue
            awaited = sorted(text for text, kind in kinds.items() if kind != "plain")
            plain = sorted(text for text, kind in kinds.items() if kind == "plain")
            why = (
                f"getattr reads one of {', '.join(kinds)} by name;"
                f" {', '.join(awaited)} must be awaited"
                + (f" and {', '.join(plain)} must not" if plain else " in different ways")
                + ": read each by its own name (`await obj.name()`)"
            )
            reviews.append(Review(fn.qualname, span, why, unawaited=True))
    return reviews
