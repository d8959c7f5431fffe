"""Generators that fetch: which can become async generators, and how they are consumed.

A generator that awaits is an async generator, and every consumer must
change with it: ``for`` -> ``async for`` (comprehensions too), ``yield
from g()`` -> ``async for item in g(): yield item``, ``list(g())`` -> an
async comprehension, ``next(g())`` and ``next(iter(g()), default)`` ->
``await anext(g(), default)``. Laziness is kept: an ``async for`` that
breaks asks for no more pages than the ``for`` did, ``anext`` fetches what
``next`` did. A generator holding something across a yield (a ``with``, a
``try``) that ``next`` takes one item of is closed by ``aclosing`` around
the statement: the sync one was closed as soon as it was dropped, an async
generator only once the loop gets round to its ``aclose`` (or never, if the
loop is closed first).

A ``@contextmanager`` generator entered by ``with`` becomes an
``@asynccontextmanager`` one entered by ``async with``; used any other way
(``ExitStack.enter_context``, kept as a value) it stays sync.

A property that yields, or relays a generator, is read as a call of it: it
stays a property giving an async generator, and its readers change as a
call's consumers do.

Consumers that may stop early keep stopping where they did: ``any(p(x) for
x in g())`` -> ``await aany(p(x) async for x in g())`` (``all`` alike), and a
loop over ``islice(g(), n)``, ``enumerate(g())``, ``zip(g(), h())``,
``takewhile(p, g())``, ``dropwhile(p, g())`` or ``filter(p, g())`` iterates the
helpers' ``aislice``/``aenumerate``/``azip``/``atakewhile``/``adropwhile``/
``afilter``, which take one item per turn, so a loop that breaks fetches no
more pages than it did.

A consumer that cannot follow keeps the generator sync, with the reason:
``islice``, ``zip`` and the like not iterated by a loop (kept or handed on),
a generator object kept as a value (assigned, returned, handed to a
function), ``x = yield from g()`` (a generator's return value), or a
consumer that stays sync itself.
"""

from __future__ import annotations

from .catalogue import Action
from .decisions import Colouring, Review
from .graph import CallGraph
from .model import Call, Function
from .tree import STR_JOIN, short_name

# Builtins that take every item of an iterable: an async comprehension
# gives them the same items. ``next`` takes one: ``await anext(...)``.
EAGER_CONSUMERS = frozenset(
    {
        "builtins.list",
        "builtins.set",
        "builtins.frozenset",
        "builtins.tuple",
        "builtins.dict",
        "builtins.sorted",
        "builtins.sum",
        "builtins.min",
        "builtins.max",
        "collections.deque",  # takes every item, keeping the last ``maxlen``
        STR_JOIN,
    }
)
NEXT = "builtins.next"
# Decorators that leave a relay what it is: a property's getter, an abstract method.
PLAIN_DECORATORS = frozenset({"builtins.property", "abc.abstractmethod"})
# Builtins that may stop before the last item: ``any(p(x) for x in g())`` becomes
# ``await aany(p(x) async for x in g())``, which stops where any() did.
STOPPING = frozenset({"builtins.any", "builtins.all"})
# Wrappers a loop iterates, which take items one at a time: ``for i, x in
# enumerate(g())`` -> ``async for i, x in aenumerate(g())`` (the helpers').
WRAPPERS = {
    "itertools.islice": "aislice",
    "builtins.enumerate": "aenumerate",
    "builtins.zip": "azip",
    "itertools.takewhile": "atakewhile",
    "itertools.dropwhile": "adropwhile",
    "builtins.filter": "afilter",
}


def wrapper(call: Call, graph: CallGraph, caller: Function) -> Call | None:
    """The ``islice``/``enumerate``/``zip`` call a generator call is handed to, when
    a loop or comprehension iterates it and its helper can take the same arguments."""
    receiver = graph.resolve(call.arg_of) if call.arg_of else None
    if receiver not in WRAPPERS or call.position is None:
        return None
    for outer in caller.calls:
        if outer.span.contains(call.span) and graph.resolve(outer.target) == receiver:
            if outer.keywords and receiver != "builtins.enumerate":
                return None  # ``zip(..., strict=True)``
            taken = graph.resolve(outer.genexp_of) if outer.genexp_of else None
            if outer.iterated and (outer.genexp_of is None or taken in EAGER_CONSUMERS):
                return outer
            return None
    return None


def consumer(call: Call, graph: CallGraph) -> str | None:
    """The builtin a generator call is handed to, when it is one we can carry."""
    receiver = graph.resolve(call.arg_of) if call.arg_of else None
    if receiver in EAGER_CONSUMERS or receiver == NEXT:
        return receiver
    return None


def _refusal(call: Call, graph: CallGraph, fn: Function, caller: Function) -> str | None:
    """Why this use of generator ``fn``'s call cannot follow it to async, or None."""
    if fn.contextmanager:
        # ``with cm() as x`` -> ``async with``, under ``@asynccontextmanager``.
        if call.with_item:
            return None
        return f"{call.text}() is a context manager used other than by a with statement"
    if call.iterated:
        if call.genexp_of is None:
            return None  # for, comprehension, yield from
        receiver = graph.resolve(call.genexp_of) if call.genexp_of else None
        if receiver in EAGER_CONSUMERS or receiver in STOPPING:
            return None
        name = (call.genexp_of or "").rsplit(".", 1)[-1]
        if not name:
            return f"a generator expression over {call.text}() is kept as a lazy value"
        return f"a generator expression over {call.text}() is handed to {name}(), maybe lazily"
    if consumer(call, graph) is not None or wrapper(call, graph, caller) is not None:
        return None
    if call.taken_at:
        if fn.holds_across_yield and any(how == "next" for _, how, _ in call.taken_at):
            # Dropping the local closed the sync one; an async one closes with the loop.
            return f"{call.text}() is held in a local next() takes items of, across a with"
        return None
    if call.arg_of:
        return f"{call.text}() is handed to {call.arg_of.rsplit('.', 1)[-1]}()"
    return f"{call.text}() is kept as a generator object (assigned or returned)"


def mark_relays(graph: CallGraph) -> None:
    """Plain functions that hand back a generator (``def keys(self): return
    self.iterkeys()``) are generators to their callers: when it becomes async,
    they return the async one, and their consumers change as its do. They stay
    a plain ``def``: nothing in them awaits (see :func:`awaiting_relays`)."""
    candidates = [fn for fn in graph.functions.values() if fn.relayed or _stub_method(fn)]
    for fn in candidates:
        fn.is_generator = fn.relay = False  # worked out again for this graph
    changed = True
    while changed:
        changed = False
        for fn in candidates:
            # A plain property may hand one back (``return self._pages()``).
            decorated = [d for d in fn.decorators if d.target not in PLAIN_DECORATORS]
            if fn.relay or fn.memoised or decorated or fn.property not in (None, "property"):
                continue
            callees: list[str | None]
            if _stub_method(fn):
                # An abstract method its overrides implement as generators: callers
                # through the base consume what the override they reach yields.
                assert fn.class_qualname is not None
                overrides = (f"{s}.{fn.name}" for s in graph.subclasses(fn.class_qualname))
                callees = [o for o in overrides if o in graph.functions]
                complete = bool(callees)
            else:
                relayed = [c for c in fn.calls if c.span in fn.relayed]
                callees = [graph.callee_of(c) for c in relayed]
                complete = len(relayed) == len(fn.relayed)
            if not complete or not all(
                callee
                and graph.functions[callee].is_generator
                and not graph.functions[callee].contextmanager
                for callee in callees
            ):
                continue
            fn.is_generator = fn.relay = True
            fn.holds_across_yield = any(graph.functions[c].holds_across_yield for c in callees if c)
            changed = True


def _stub_method(fn: Function) -> bool:
    """A method with nothing of its own to do (see :attr:`Function.stub`)."""
    return fn.stub and fn.class_qualname is not None and not fn.relayed and not fn.is_async


def awaiting_relays(graph: CallGraph, result: Colouring) -> dict[str, str]:
    """Relays that would await something besides the generator they hand back
    (``return self._pages(await self._first_url())``): they stay sync, and so
    does that generator."""
    found = {}
    # ``async_to_sync(stats)(url)`` in one: a bridge it would lose.
    unwound = {u.function: u.callee for u in result.unwinds if u.kind == "async_to_sync"}
    for fn in graph.functions.values():
        if not fn.relay or not result.is_async(fn.qualname):
            continue
        awaited = [
            callee
            for call in fn.calls
            if call.span not in fn.relayed
            and (callee := graph.callee_of(call)) is not None
            and result.is_async(callee)
            and not graph.functions[callee].is_generator
        ]
        if fn.qualname in unwound:
            awaited.append(unwound[fn.qualname])
        if awaited:
            found[fn.qualname] = (
                f"hands back a generator but calls {short_name(awaited[0])}, which becomes"
                " async: a plain function cannot await it"
            )
    return found


def _relayed(call: Call, caller: Function) -> bool:
    """``return self.iterkeys()`` in a relay: its callers consume the generator."""
    return caller.relay and call.span in caller.relayed


def generator_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why generator ``fn`` must stay sync whatever its callers are, or None."""
    if fn.yield_from_value:
        return "generator: uses the return value of yield from"
    if not fn.is_generator:
        return None
    if fn.returns_value and not fn.relay:
        return "generator: returns a value, which an async generator cannot"
    for edge in graph.callers.get(fn.qualname, []):
        if edge.call is None or _relayed(edge.call, graph.functions[edge.caller]):
            continue
        why = _refusal(edge.call, graph, fn, graph.functions[edge.caller])
        if why:
            caller = graph.functions[edge.caller]
            return f"generator consumed where it cannot be async: {why} in {caller.name}"
    return None


def consumed_by_sync_code(graph: CallGraph, boundaries: dict[str, str]) -> None:
    """Generators (and iterators' ``__next__``) iterated by code that stays sync stay
    sync too (to a fixed point)."""
    changed = True
    while changed:
        changed = False
        for fn in graph.functions.values():
            iterator = fn.name == "__next__" and fn.class_qualname is not None
            if not (fn.is_generator or iterator) or fn.is_async or fn.qualname in boundaries:
                continue
            for edge in graph.callers.get(fn.qualname, []):
                consumed = edge.call is not None and (fn.is_generator or edge.call.iterates)
                if consumed and edge.caller in boundaries:
                    caller = graph.functions[edge.caller]
                    what = "generator" if fn.is_generator else "iterator"
                    boundaries[fn.qualname] = f"{what} consumed by sync code ({caller.name})"
                    changed = True
                    break


def refused(graph: CallGraph, result: Colouring) -> list[Review]:
    """Generators, properties and dunders that stay sync with requests of their own,
    and why."""
    found = []
    reviewed = {r.function for r in result.review}
    for qualname, why in result.boundaries.items():
        fn = graph.functions[qualname]
        if fn.is_generator and why.startswith("generator"):
            what = "a sync generator"
        elif fn.property and why.startswith("property"):
            what = "a sync property"
        elif why == "dunder" and qualname not in reviewed:
            what = "sync (Python calls it)"  # unless a review says so already
        else:
            continue
        # What it reaches through async code is bridged; its own requests stay blocking.
        if any(e.action is Action.REWRITE for _, e in graph.blocking.get(qualname, [])):
            reason = f"{fn.name} stays {what}, its calls blocking"
            found.append(
                Review(qualname, fn.span, reason if why == "dunder" else f"{reason}: {why}")
            )
    return found
