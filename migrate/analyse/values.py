"""Blocking calls passed around as values: ``retry_call(session.get, url)``.

A request function or client method used as a value (handed to a function,
put in a dict of verbs, bound with ``functools.partial``) or a client handed
to ``getattr(session, method)`` is called somewhere the analysis cannot
await. Such calls stay blocking, and so does everything else on the same
client: converting the client would hand a coroutine function to code that
calls it without ``await``. Each value gets a review item naming it and
where it flows; the functions calling that client stay sync, with the
reason, and the module keeps requests' exception classes.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .catalogue import CONSTRUCTORS, Action, BlockingCall, lookup
from .clocks import clock_reads
from .decisions import Bridge, Colouring, Review
from .frameworks import REQUESTS_ONLY_KEYWORDS
from .graph import CallGraph, session_key
from .kept_lookups import (
    chosen_values,
    kept_lookup_calls,
    local_calls,
    statements_through,
)
from .model import Call, Function, Ref, Span
from .names import span_of
from .tree import function_in
from .verb_tables import VerbTable, verb_tables

KEPT = "kept as a value"
# Keywords giving a request a body (or anything, ``**kwargs``), which httpx's get,
# head and options do not take: a verb looked up by name is called through
# ``request`` where one is given.
BODY_KEYWORDS = frozenset({"data", "json", "files", "content", "**"})
# httpx's verbs taking no body.
_BODILESS = frozenset({"get", "head", "options", "delete"})


@dataclass(frozen=True)
class ValueUse:
    """A blocking call's function (or its client) used as a value."""

    function: str
    span: Span
    text: str  # as written: ``session.get``, ``requests.get``
    flows_to: str  # what it is handed to, in words
    owner: tuple[str, str] | None  # the client it belongs to (scope, name); None: a module
    fix: str = "pass an async function and await where it is called"  # what to do, in words


@dataclass(frozen=True)
class LookedUp:
    """``getattr(session, method)(...)``: a client's method looked up and called at once."""

    function: str
    ref: Ref  # the client, as handed to getattr
    call: Call  # the call of what getattr gives
    entry: BlockingCall  # the client's ``request``, standing for any of its verbs
    # requests' functions looked up and kept: the statements a one-off client spans.
    statements: Span | None = None
    # The verb itself kept (``send = self.session.post``), not looked up by name.
    kept_verb: bool = False


def looked_up(graph: CallGraph) -> list[LookedUp]:
    """Every client method looked up with ``getattr`` and called right there, or kept
    in a local only ever called (see kept_lookups)."""
    found: list[LookedUp] = []
    for fn in graph.functions.values():
        for ref in fn.refs:
            receiver = graph.resolve(ref.receiver) if ref.receiver else None
            client = graph.resolve(ref.target) if ref.target else None
            if client not in CONSTRUCTORS.values() and receiver == "builtins.getattr":
                # ``self.session``, given the session a factory makes: what it holds.
                client = graph.value_type(ref.target) or client
            # ``getattr(requests, method)``: the module's functions, a client's methods.
            made = client in CONSTRUCTORS.values() or client == "requests"
            entry = lookup(f"{client}.request") if made else None
            if receiver != "builtins.getattr" or entry is None:
                continue
            if client != "requests" and _kept(graph, fn, ref.text):
                continue  # its session stays on requests (an auth httpx cannot take)
            if not ref.call_called:
                tree = graph.project.tree(fn.module)
                kept = kept_lookup_calls(fn, ref, tree)
                through = None
                if client == "requests":
                    # ``fn = getattr(requests, method)``: a client made for the lookup
                    # stays open through the statements calling ``fn``, in one block.
                    through = statements_through(fn, ref.span, kept, tree) if kept else None
                    if through is None:
                        continue
                if not any(_requests_only(c) for c in kept):
                    found.extend(LookedUp(fn.qualname, ref, c, entry, through) for c in kept)
                continue
            call = _called_lookup(fn, ref)
            # requests' own keywords (``verify=``) the client's verbs would not take.
            if call is not None and not _requests_only(call):
                found.append(LookedUp(fn.qualname, ref, call, entry))
    return found


def _kept(graph: CallGraph, fn: Function, client: str) -> bool:
    """Whether the session ``client`` (as written) stays a requests.Session."""
    key = session_key(graph, fn, f"{client}.request")
    return key is not None and key in graph.kept_sessions


def _called_lookup(fn: Function, ref: Ref) -> Call | None:
    """The call of what ``getattr(...)`` gives, made at once: of the calls starting
    where getattr's does, the innermost after it (``getattr(s, m)(url).json()``
    holds three)."""
    start = ref.call_span
    return min(
        (
            c
            for c in fn.calls
            if start is not None
            and (c.span.line, c.span.col) == (start.line, start.col)
            and c.span != start
            and c.text.startswith("getattr(")
        ),
        key=lambda c: (c.span.end_line, c.span.end_col),
        default=None,
    )


def lookups(
    graph: CallGraph, boundaries: dict[str, str]
) -> tuple[list[LookedUp], list[VerbTable], list[ValueUse]]:
    """Client methods looked up by getattr, and tables of verbs (see verb_tables),
    called in code free to become async: their calls are awaited on a client. And
    every value use, those included (see value_uses)."""
    uses = value_uses(graph)
    looked = [
        found
        for found in looked_up(graph) + kept_verbs(graph, uses)
        if found.function not in boundaries
    ]
    kept = [(u.function, u.span) for u in uses if u.flows_to == KEPT]
    tables = [
        table
        for table in verb_tables(graph, kept)
        if not any(caller in boundaries for caller, _ in table.calls)
    ]
    return looked, tables, uses


def kept_verbs(graph: CallGraph, uses: list[ValueUse]) -> list[LookedUp]:
    """Request functions and client verbs kept in a local only ever called, on their
    own or as the branches of a conditional (``send = self.session.post if
    self.session else requests.post``): each call of the local calls the verb,
    awaited once its client is an AsyncClient, as a verb looked up by name is.
    requests' own functions are a client's made for the statements calling the
    local, in one block (see kept_lookups.statements_through). A call httpx's verb
    would not take as written keeps the values: requests' own keywords, a second
    positional argument (httpx's are keywords), a body for a verb taking none."""
    groups: dict[tuple[str, Span], list[tuple[ValueUse, Call, BlockingCall]]] = {}
    branches: dict[tuple[str, Span], list[Span]] = {}
    for use in uses:
        fn = graph.functions[use.function]
        read = next((r for r in fn.reads if r.span == use.span), None)
        entry = lookup(graph.resolve(read.target) or "") if read and read.target else None
        if use.flows_to != KEPT or read is None or entry is None:
            continue
        if use.owner is not None and _kept(graph, fn, read.text.rpartition(".")[0]):
            continue  # its session stays on requests
        chosen = chosen_values(fn, use.span, graph.project.tree(fn.module))
        if chosen is not None:
            groups.setdefault((fn.qualname, chosen[0]), []).append((use, read, entry))
            branches[(fn.qualname, chosen[0])] = chosen[1]
    found: list[LookedUp] = []
    for (qualname, value), group in groups.items():
        fn = graph.functions[qualname]
        tree = graph.project.tree(fn.module)
        calls = local_calls(fn, value, tree, exact=True)
        verbs = {entry.name.rsplit(".", 1)[-1] for _, _, entry in group}
        if (
            len(group) != len(branches[(qualname, value)])
            or not calls
            or any(
                _requests_only(call)
                or (verbs & _BODILESS and BODY_KEYWORDS.intersection(call.keywords))
                for call in calls
            )
        ):
            continue
        # requests' own functions (``requests.post``): a sync httpx module's keep theirs.
        modules = {entry.name.rpartition(".")[0] for kept, _, entry in group if not kept.owner}
        through = statements_through(fn, value, calls, tree) if modules else None
        if modules - {"requests"} or (modules and through is None):
            continue
        for use, read, entry in group:
            ref = Ref(read.span, read.target, read.text, None)
            module = use.owner is None
            found.extend(
                LookedUp(qualname, ref, call, entry, through if module else None, True)
                for call in calls
            )
    return found


def _requests_only(call: Call) -> bool:
    """A call of a verb only requests' takes as written: its own keywords
    (``verify=``), a body or params given by position (httpx's are keywords)."""
    return bool(REQUESTS_ONLY_KEYWORDS.intersection(call.keywords)) or call.positional not in (0, 1)


def converted_values(looked: list[LookedUp], tables: list[VerbTable]) -> set[tuple[str, Span]]:
    """Where the values of ``looked`` and ``tables`` are (function, span): no longer
    blocking values."""
    found = {(found.function, found.ref.span) for found in looked}
    return found | {(table.holder, span) for table in tables for span, _ in table.values}


def value_uses(graph: CallGraph) -> list[ValueUse]:
    """Every request function, client method or client used as a value."""
    found: dict[tuple[str, Span], ValueUse] = {}
    clock = {(qualname, span) for qualname, span, _ in clock_reads(graph)}
    for fn in graph.functions.values():
        # ``session.get.return_value``: an attribute of the function is read (a
        # test configuring a mock), the function itself goes nowhere.
        owners = {(r.span.line, r.span.col, r.text.rpartition(".")[0]) for r in fn.reads}
        for read in fn.reads:
            target = graph.resolve(read.target) if read.target else None
            entry = lookup(target) if target else None
            if entry is None or entry.action is not Action.REWRITE or read.awaited:
                continue
            if (read.span.line, read.span.col, read.text) in owners:
                continue
            if (fn.qualname, read.span) in clock:
                continue  # the original a test clock saves (see clocks)
            flows = _flows_to(fn, read)
            found[(fn.qualname, read.span)] = ValueUse(
                fn.qualname, read.span, read.text, flows, _owner(fn, read.text)
            )
        for ref in fn.refs:
            target = graph.resolve(ref.target) if ref.target else None
            receiver = graph.resolve(ref.receiver) if ref.receiver else None
            entry = lookup(target) if target else None
            if (fn.qualname, ref.span) in clock:
                continue
            if entry is not None and entry.action is Action.REWRITE:
                flows = f"handed to {_short(ref.receiver or '')}()"
            elif receiver == "builtins.getattr" and target in CONSTRUCTORS.values():
                flows = "its methods looked up by getattr()"
                call = _called_lookup(fn, ref) if ref.call_called else None
                if call is not None and _requests_only(call):
                    given = sorted(REQUESTS_ONLY_KEYWORDS.intersection(call.keywords))
                    named = ", ".join(f"{k}=" for k in given) or "a body by position"
                    flows += f" and called with {named}, which httpx's verbs do not take"
                    fix = (
                        f"set {named} on the session where it is made (httpx's client takes"
                        " it then) to migrate it"
                        if given
                        else "pass the body by keyword (data=, json=) to migrate it"
                    )
                    found[(fn.qualname, ref.span)] = ValueUse(
                        fn.qualname, ref.span, ref.text, flows, _owner(fn, ref.text + ".x"), fix
                    )
                    continue
            elif receiver == "builtins.getattr" and target == "requests":
                flows = "its functions looked up by getattr()"
            else:
                continue
            found[(fn.qualname, ref.span)] = ValueUse(
                fn.qualname, ref.span, ref.text, flows, _owner(fn, ref.text + ".x")
            )
    return list(found.values())


def kept_lookups(
    graph: CallGraph,
    looked: list[LookedUp],
    every_use: list[ValueUse],
    converted: set[tuple[str, Span]],
) -> tuple[list[LookedUp], list[ValueUse]]:
    """The lookups converted, and the value uses left (those not ``converted``).

    A client one of whose methods stays a value (a dict of its verbs, a partial)
    stays on requests where getattr looks its methods up too: converted there, it
    would hand the value's callers a coroutine. Those lookups go back among the
    value uses."""
    uses = [use for use in every_use if (use.function, use.span) not in converted]
    kept = {use.owner for use in uses if use.owner is not None}
    dropped = {
        (found.function, found.ref.span)
        for found in looked
        if _owner(graph.functions[found.function], found.ref.text + ".x") in kept
    }
    if not dropped:
        return looked, uses
    back = [use for use in every_use if (use.function, use.span) in dropped]
    return [f for f in looked if (f.function, f.ref.span) not in dropped], uses + back


def client_boundaries(graph: CallGraph, uses: list[ValueUse]) -> dict[str, str]:
    """Functions calling a client whose methods are also used as values: they stay sync."""
    shared = {use.owner: use for use in uses if use.owner is not None}
    found: dict[str, str] = {}
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        for call, entry in calls:
            owner = _owner(fn, call.text)
            if entry.action is Action.REWRITE and owner in shared:
                use = shared[owner]
                where = graph.project.facts[graph.functions[use.function].module].path
                found[qualname] = (
                    f"its client is also used as a value: {use.text} ({where}:{use.span.line})"
                )
                break
    return found


def kept_with_sync_users(
    graph: CallGraph, boundaries: dict[str, str], review: list[Review]
) -> bool:
    """A client that a function staying sync calls stays on requests, so every other
    function calling it stays sync too (their callers reach them through bridges).

    A sync generator iterated by sync code, a dunder: each would call an
    AsyncClient's coroutine methods on an instance's client without awaiting them
    (a module's session is bridged there instead, and ``close()`` has a sync
    form). Adds to ``boundaries`` and a review item per client to ``review``;
    returns whether it added anything.
    """
    users: dict[tuple[str, str], list[str]] = {}
    senders: set[tuple[tuple[str, str], str]] = set()  # users other than by close()
    labels: dict[tuple[str, str], str] = {}  # as written: ``self.session``
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        facts = graph.project.facts.get(fn.module)
        globals_ = facts.typed_names if facts else {}
        for call, entry in calls:
            # The same client however it is reached (``self._get_session().get``).
            owner = session_key(graph, fn, call.text, call.target) or _owner(fn, call.text)
            # A module's session is bridged in sync code (colour._shared_clients).
            if call.text.split(".")[0] in globals_:
                continue
            if entry.action is Action.REWRITE and owner is not None:
                labels.setdefault(owner, call.text.rpartition(".")[0])
                users.setdefault(owner, [])
                if qualname not in users[owner]:
                    users[owner].append(qualname)
                if not call.text.endswith(".close"):
                    senders.add((owner, qualname))
    added = False
    for owner, functions in users.items():
        name = labels[owner]
        # The client per loop closes from sync code: a close() staying sync keeps
        # nothing on requests, but one that would become async stays with the rest.
        kept = next((q for q in functions if q in boundaries and (owner, q) in senders), None)
        if kept is None:
            continue
        fn = graph.functions[kept]
        joining = [q for q in functions if q not in boundaries]
        for qualname in joining:
            boundaries[qualname] = (
                f"its client {name} is also used by {fn.name}, which stays sync"
                f" ({boundaries[kept]})"
            )
        if joining:
            added = True
            names = ", ".join(graph.functions[q].name for q in joining)
            stay = "stays" if len(joining) == 1 else "stay"
            review.append(
                Review(
                    kept,
                    fn.span,
                    f"{name} stays on requests: {fn.name} stays sync ({boundaries[kept]}) and"
                    f" calls it, so {names} {stay} sync with it; make {fn.name} async (or"
                    " give it a client of its own) to migrate them",
                )
            )
    return added


def reviews(graph: CallGraph, uses: list[ValueUse]) -> list[Review]:
    """A review item per value: what it is, where it flows, that its calls stay blocking."""
    found = []
    for use in uses:
        flows = use.flows_to
        stored = _stored_in(graph, use)
        if stored is not None:
            name, called = stored
            kept = f"kept in {name}" + (f", called at {', '.join(called)}" if called else "")
            flows = kept if flows == KEPT else f"{flows}, {kept}"
        found.append(
            Review(
                use.function,
                use.span,
                f"{use.text} is used as a value ({flows}): the call made through it stays"
                f" blocking; {use.fix}",
            )
        )
    return found


def _called_at_once(value: ast.expr, span: Span) -> bool:
    """Whether the value at ``span`` is part of what ``value`` calls right there
    (``getattr(session, method)(url)``): its result is kept, not the value."""
    return any(
        isinstance(node, ast.Call) and span_of(node.func).contains(span) for node in ast.walk(value)
    )


def _stored_in(graph: CallGraph, use: ValueUse) -> tuple[str, list[str]] | None:
    """The name a value is kept in (``VERBS = {"get": requests.get}``) and the lines
    of its module that call through that name (``VERBS[method](url)``, ``get_short(url)``)."""
    fn = graph.functions[use.function]
    tree = graph.project.tree(fn.module)
    # A local's calls are its function's; a global's (``VERBS``), the module's.
    scope: ast.AST = function_in(tree, fn) or tree
    name = next(
        (
            node.targets[0].id
            for node in ast.walk(scope)
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and span_of(node.value).contains(use.span)
            and not _called_at_once(node.value, use.span)
        ),
        None,
    )
    if name is None:
        return None
    called = sorted(
        {
            node.lineno
            for node in ast.walk(scope)
            if isinstance(node, ast.Call)
            and isinstance(func := getattr(node.func, "value", node.func), ast.Name)
            and func.id == name
        }
    )
    return name, [f"line {line}" for line in called]


def _owner(fn: Function, text: str) -> tuple[str, str] | None:
    """The client a dotted call or value belongs to: ``self.session.get`` -> (class, attr)."""
    parts = text.split(".")
    if len(parts) < 2 or parts[0] in ("requests", "httpx"):
        return None
    if parts[0] in ("self", "cls") and len(parts) >= 3 and fn.class_qualname:
        return (fn.class_qualname, parts[1])
    if parts[0] in fn.params or len(parts) != 2:
        return (fn.qualname, parts[0])
    # A local or a module global: a global is shared by the whole module.
    return (fn.module, parts[0])


def _flows_to(fn: Function, read: Call) -> str:
    for ref in fn.refs:
        if ref.span == read.span and ref.receiver:
            return f"handed to {_short(ref.receiver)}()"
    return KEPT


def _short(name: str) -> str:
    return ".".join(name.split(".")[-2:])


def offload_value_calls(graph: CallGraph, uses: list[ValueUse], result: Colouring) -> None:
    """Calls through a blocking value kept in a local only ever called (``send =
    getattr(self.session, method)`` on a session kept on requests), in a function
    that became async all the same (an override it shares calls with does): they
    block, so they run in a thread, as a blocking call left in async code does."""
    seen: set[tuple[str, Span]] = set()
    for use in uses:
        fn = graph.functions[use.function]
        if not (fn.is_async or result.is_async(fn.qualname)):
            continue
        for call in local_calls(fn, use.span, graph.project.tree(fn.module), exact=False):
            if (fn.qualname, call.span) not in seen:
                seen.add((fn.qualname, call.span))
                why = f"a call through {use.text}, which stays blocking"
                result.offloads.append(
                    Bridge(fn.qualname, use.text, call.span, "sync_to_async", why)
                )
