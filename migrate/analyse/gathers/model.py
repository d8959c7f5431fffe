"""What the fan-out analysis hands on: awaited calls, edits, findings."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .. import dataflow
from ..catalogue import NON_IDEMPOTENT
from ..methods import UNKNOWN
from ..model import Span, SpotKind

# A gather over a user-sized collection runs at most this many calls at once,
# so migrating never floods an upstream that used to see one request at a time.
DEFAULT_MAX_CONCURRENCY = 10
# Lines the rewrite writes stay within ruff format's default width.
LINE_LENGTH = 88
# The helpers gathers are written with (rewrite/helpers.py): an earlier run's work.
# The second hands back each call's outcome, to be taken where the call stood.
GATHER_HELPER = "gather_in_order"
OUTCOMES_HELPER = "gather_outcomes"
GATHER_HELPERS = (GATHER_HELPER, OUTCOMES_HELPER)

# "early-exit": not a gather; ``return any(f(x) for x in xs)`` becomes a loop
# that returns at the first item that decides, so no more is fetched than before.
# "unmapped": not a gather either; ``list(map(lambda x: f(x), xs))`` whose calls
# stay in order becomes ``[await f(x) for x in xs]`` (a lambda cannot await).
# "threads": threads started over items and joined become one gather of their
# workers, in place of the statements that made, started and joined them.
# "body": a loop whose items are independent; its body becomes a nested async
# function (``names[0]``) per item, gathered into the list ``collect``.
Form = Literal["calls", "fission", "comprehension", "early-exit", "unmapped", "threads", "body"]
Pairing = Literal["whole", "values", "zip"]
# ``out.append(v)``, ``out.add(v)``, ``out[k] = v``.
Adds = Literal["append", "add", "item"]


@dataclass(frozen=True)
class Awaited:
    """A call that is (or becomes) awaited, as the colouring sees it."""

    callee: str
    # "close": a call closing its receiver (``s.close()``), which ends what the
    # calls before it on that receiver do: never run with them.
    kind: Literal["fetch", "sleep", "bridge", "close"]
    verbs: frozenset[str] = frozenset()
    unwound: bool = False  # ``async_to_sync(f)``: the call of its result is awaited
    # The attributes of its receiver a method changes (``self.configure()``
    # setting ``self.site``): what reads them afterwards depends on it.
    changes_receiver: tuple[str, ...] = ()
    # The counts it keeps on its receiver (``self.hits += 1``): calls made together
    # end with the same count, but code reading it between them sees another.
    counts_receiver: tuple[str, ...] = ()
    changes_globals: tuple[str, ...] = ()  # the module globals it changes (a cache)
    # The parameters whose object it changes (``seen``), with their positions.
    changes_params: tuple[tuple[int, str], ...] = ()
    # What it enters and holds while it awaits (``with self.lock:``), as written.
    holds: str = ""
    # The method as other code assigns it on an instance (see Pacing.replaced).
    replaced: str = ""

    @property
    def writes(self) -> frozenset[str]:
        return self.verbs & NON_IDEMPOTENT

    @property
    def any_method(self) -> bool:
        """It sends a method chosen at run time (``session.request(method, url)``)."""
        return UNKNOWN in self.verbs

    @property
    def may_write(self) -> bool:
        return bool(self.writes) or self.any_method

    @property
    def short(self) -> str:
        return self.callee.rsplit(".", 1)[-1]

    def changed_paths(self, call: ast.Call) -> Iterator[str]:
        """What ``call`` (a call of this) changes of what it is handed: its
        receiver's attributes, and the objects handed to the parameters it changes
        in place (``load_into(base, ctx)`` filling ``ctx``)."""
        func = call.func
        receiver = dataflow.path_of(func.value) if isinstance(func, ast.Attribute) else None
        if receiver is not None:
            changed = (*self.changes_receiver, *self.counts_receiver)
            yield from (f"{receiver}.{attr}" for attr in changed)
        yield from (path for _, path in self.changed_arguments(call))

    def changed_arguments(self, call: ast.Call) -> Iterator[tuple[str, str]]:
        """The parameters it changes in place and the paths ``call`` hands them:
        (parameter, argument)."""
        starred = next((i for i, a in enumerate(call.args) if isinstance(a, ast.Starred)), None)
        for position, name in self.changes_params:
            given = next((k.value for k in call.keywords if k.arg == name), None)
            if given is None and position < len(call.args):
                given = call.args[position] if starred is None or position < starred else None
            path = dataflow.path_of(given) if given is not None else None
            if path is not None:
                yield name, path


@dataclass(frozen=True)
class GatherEdit:
    """What the rewrite does at a safe spot; positions are ``ast`` spans.

    ``anchor`` is replaced (``fission``: the loop; ``comprehension``: the
    comprehension, or the call it is handed to) or has the gather put before
    it (``calls``: the first statement). ``fetches`` are the calls gathered,
    in order; each becomes ``names[i]`` where it stood (``names[i].result()``
    with ``outcomes``). Statements in ``drop`` go (their assignment moved into
    the gather).
    ``fission`` with no ``results``: the calls were made for what they do, their
    results go (the rest of the loop, if any, walks the items alone).
    """

    form: Form
    anchor: Span
    fetches: tuple[Span, ...]
    names: tuple[str, ...]
    drop: tuple[Span, ...] = ()
    results: str = ""
    # The gather hands back each call's outcome, taken where the call stood: a
    # failure is raised there, after what the legacy code did before it. It stops
    # at the first failure that is not caught by the try at ``caught``.
    outcomes: bool = False
    caught: Span | None = None
    # calls: parts of the calls that may raise (``ids[1]``), computed in this order
    # before the gather, each into the name given: nothing is made when one raises.
    computed: tuple[tuple[Span, str], ...] = ()
    # fission: a name the fetch reads, computed in the body before it -> its expression.
    inline: tuple[tuple[str, str], ...] = ()
    # fission: ``name = list(iterable)`` first, when the iterable can't be read twice.
    materialise: str = ""
    # fission: the rest of the loop only appends each result to this list.
    collect: str = ""
    # fission of nested loops: (the list of pairs, the statement making it, one pair
    # as the new loop's target); the anchor is the outer loop, the body the inner one's.
    # comprehension over several for/if clauses: the items they pick, listed the same way.
    flatten: tuple[str, str, str] | None = None
    pairing: Pairing = "whole"
    # fission with ``flatten``: the list holds the items the loop keeps (its leading
    # ``if test: continue`` statements, in ``drop``, become the list's ``if`` clauses).
    filtered: bool = False
    # comprehension: the statement the gather goes before, as ``results = await ...``.
    hoist: Span | None = None
    consumer: bool = False  # comprehension: anchor is the call a generator is handed to
    # comprehension: the fetch is in its one ``if``; the gather tests every item, and
    # the comprehension keeps those whose result passes (the ``if`` reads ``names[0]``).
    kept_by_result: bool = False
    # body: how an item adds its value to ``collect`` (a list, a set or a dict), and
    # whether some items are skipped (``continue``): they return None, left out.
    adds: Adds = "append"
    skips: bool = False
    # threads: what the gather runs, as a generator expression's body (``work(x) for x in xs``).
    generator: str = ""
    # fission: ``r.raise_for_status()`` right after the fetch: the gather checks each
    # response as it comes, so a 4xx/5xx stops it as a failing call would.
    checked: bool = False


@dataclass(frozen=True)
class Finding:
    """A spot in one function, before the plan gives it its place."""

    kind: SpotKind
    span: Span
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False
    edit: GatherEdit | None = None
    items: int | None = None  # fan-out size when the source shows it (a literal list)
    workers: int | None = None  # the legacy thread pool's max_workers: never more at once
    pool_size: str = ""  # ... when known at run time only: its source (``n``)


def span_of(node: ast.AST) -> Span:
    return Span(
        node.lineno,  # type: ignore[attr-defined]
        node.col_offset,  # type: ignore[attr-defined]
        node.end_lineno or node.lineno,  # type: ignore[attr-defined]
        node.end_col_offset or 0,  # type: ignore[attr-defined]
    )


def pooled_limit(workers: int | str, limit_text: str = "--max-concurrency") -> str:
    """How many calls a gather that was a thread pool of ``workers`` runs at once
    (a number, or the source of a size known at run time)."""
    return f"{workers} (the pool's max_workers; {limit_text} if lower)"


class Refusal(Exception):
    """Why a shape stays sequential (the message goes in the plan).

    ``edit`` is how the rewrite keeps it sequential when that takes more than
    leaving it alone (an ``any()`` over fetches must stay lazy).
    """

    def __init__(self, reason: str, edit: GatherEdit | None = None) -> None:
        super().__init__(reason)
        self.edit = edit


# Methods that close their receiver (a client, a file, a socket).
CLOSERS = frozenset({"close", "aclose"})


def fetch_kind(callee: str) -> Literal["fetch", "close"]:
    """What an awaited call of ``callee`` (a project function, or the async twin
    of a catalogue call) does, as gathers see it: closing, or fetching."""
    return "close" if callee.rpartition(".")[2] in CLOSERS else "fetch"


# Modules the rewrite may import where the code had none of them.
REWRITE_IMPORTS = frozenset({"asyncio", "contextlib", "functools", "httpx", "inspect", "json"})
