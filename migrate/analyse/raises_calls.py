"""``self.assertRaises(E, f, *args)`` and ``pytest.raises(E, f, *args)``: the
test framework calls ``f``, and cannot await it once it is async.

In async code, such a statement becomes the context-manager form the same
framework offers, around the awaited call: ``with self.assertRaises(E): await
f(*args)``. The call is made exactly as before, with the same arguments, and
the same exception is expected of it. The form is kept where the call is not a
statement of its own (its result is used): there the plan names it.
"""

from __future__ import annotations

from .decisions import Colouring
from .graph import CallGraph

# The callable's index among the positional arguments of each form.
CALLABLE_AT = {
    "assertRaises": 1,
    "assertRaisesRegex": 2,
    "assertWarns": 1,
    "assertWarnsRegex": 2,
    "pytest.raises": 1,
    "pytest.warns": 1,
}


def carry(graph: CallGraph, result: Colouring) -> None:
    """Record the statements that take the context-manager form, and drop the
    review items that named the async function handed to the framework (and
    the bridges that would run the framework on a worker thread instead)."""
    carried = set()
    for edge in graph.edges:
        ref = edge.ref
        if edge.via != "ref" or ref is None or ref.call_span is None:
            continue
        if not (ref.statement and result.is_async(edge.callee)):
            continue
        holder = graph.functions[edge.caller]
        if not (holder.is_async or result.is_async(holder.qualname)):
            continue
        receiver = graph.resolve(ref.receiver) or ref.receiver or ""
        name = receiver if receiver.startswith("pytest.") else receiver.rpartition(".")[2]
        at = CALLABLE_AT.get(name)
        if at is None or at != ref.position or ref.in_lambda:
            continue
        result.raises_calls.append((holder.qualname, ref.call_span, at))
        carried |= {(holder.qualname, ref.span), (holder.qualname, ref.call_span)}
    result.review = [r for r in result.review if (r.function, r.span) not in carried]
    result.bridges = [b for b in result.bridges if (b.function, b.span) not in carried]
