"""Sessions callers hand in: converted with the code that uses them, or kept whole.

``Api(base, session=s)`` where ``Api`` holds ``session or requests.Session()``
(see :mod:`.defaults`), or ``fetch(s, url)`` where ``fetch`` takes a
``session: requests.Session``: once the calls made through that session
become ``httpx.AsyncClient`` calls, every session handed in must be one too.
A caller hands in nothing or ``None``; a session it makes itself in code that
becomes async (converted with it); a session of its own that the migration
converts (a module global, ``self.<attr>``); or a parameter of its own that
is checked the same way against its callers. Anything else (a session made
in code that stays sync, a mock, a value handed through ``**kwargs``) keeps
the session on requests, with every call made through it, and says why.
"""

from __future__ import annotations

from .catalogue import Action
from .decisions import Colouring
from .defaults import SESSION_TYPES
from .graph import CallGraph, held_key, session_key
from .model import MAYBE_ATTR, PARAM_PREFIX, RETURNS_SUFFIX, Call, Function, Injection
from .tree import short_name

Key = tuple[str, str]


def refusals(graph: CallGraph, colouring: Colouring) -> dict[Key, str]:
    """Sessions that must stay on requests because a caller hands in one the
    migration does not convert: (owner, name) as :func:`session_key` gives, and why."""
    converted = _converted(graph, colouring)
    injections = {(fn.qualname, inj.param): (fn, inj) for fn, inj in _injections(graph)}
    # Those whose session is converted, and the parameters that hand theirs on to one.
    todo = [key for key, (fn, inj) in injections.items() if _key(graph, fn, inj) in converted]
    checked: set[tuple[str, str]] = set()
    while todo:
        at = todo.pop()
        if at in checked:
            continue
        checked.add(at)
        fn, inj = injections[at]
        for caller, _, kind in _passers(graph, fn, inj):
            if kind.startswith("param:"):
                todo.append((caller.qualname, kind.removeprefix("param:")))
    refused: dict[Key, str] = {}
    changed = True
    while changed:
        changed = False
        for at in sorted(checked & injections.keys()):
            fn, inj = injections[at]
            key = _key(graph, fn, inj)
            if key is None or key in refused:
                continue
            why = _refusal(graph, colouring, fn, inj, converted, injections, refused)
            if why is not None:
                refused[key] = why
                changed = True
                # ``s = requests.Session()`` handed in: it stays what the code takes.
                for caller, _, kind in _passers(graph, fn, inj):
                    if kind.startswith("local:"):
                        refused.setdefault((caller.qualname, kind.removeprefix("local:")), why)
    return refused


def converted_sessions(graph: CallGraph, colouring: Colouring) -> set[Key]:
    """The sessions that become httpx.AsyncClients (see :func:`session_key`), and the
    parameters (``(function, name)``) that hand one in: annotations follow them."""
    found = {key for key in _converted(graph, colouring) if key not in graph.kept_sessions}
    found |= {key for key in handed_sessions(graph, colouring) if key not in graph.kept_sessions}
    changed = True
    while changed:
        changed = False
        for fn, inj in _injections(graph):
            key = _key(graph, fn, inj)
            param = (fn.qualname, inj.param)
            if key in found and inj.keyword is None and param not in found:
                found.add(param)
                changed = True
                for caller, _, kind in _passers(graph, fn, inj):
                    if kind.startswith("param:"):
                        found.add((caller.qualname, kind.removeprefix("param:")))
    return found


def _injections(graph: CallGraph) -> list[tuple[Function, Injection]]:
    """Every session a caller may hand in: as the function reads it (see defaults),
    or kept in ``self.<attr>`` from a parameter every caller gives a session
    (``Request(base, http_session=self.http_session)``, see typeflow)."""
    found = [(fn, inj) for fn in graph.functions.values() for inj in fn.injected]
    state = graph.flow.state if graph.flow is not None else {}
    for fn in graph.functions.values():
        given = {inj.param for inj in fn.injected}
        for attr, held in fn.self_assigns:
            param = (held or "").removeprefix(PARAM_PREFIX)
            if not held or held == param or param in given or param not in fn.params:
                continue
            if state.get(("param", fn.qualname, param)) in SESSION_TYPES:
                found.append((fn, Injection(f"self.{attr}", param, None, fn.span)))
                given.add(param)
    return found


def _key(graph: CallGraph, fn: Function, inj: Injection) -> Key | None:
    return session_key(graph, fn, f"{inj.holder}.request")


def _converted(graph: CallGraph, colouring: Colouring) -> set[Key]:
    """Sessions some call of which becomes an awaited httpx call, and those only
    handed to code whose session is converted (``self.users = Users(self.session)``
    in a client that calls nothing through its own)."""
    found: set[Key] = set()
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if not (fn.is_async or colouring.is_async(qualname)):
            continue
        for call, entry in calls:
            key = session_key(graph, fn, call.text, call.target)
            if entry.action is Action.REWRITE and key is not None:
                found.add(key)
    # ``getattr(self.session, method)(url)``: its verbs, looked up, are awaited too.
    for holder, _, text, _ in colouring.passed_values:
        fn = graph.functions[holder]
        if (fn.is_async or colouring.is_async(holder)) and (
            key := session_key(graph, fn, text)
        ) is not None:
            found.add(key)
    injections = _injections(graph)
    changed = True
    while changed:
        changed = False
        for fn, inj in injections:
            if _key(graph, fn, inj) not in found:
                continue
            for caller, _, kind in _passers(graph, fn, inj):
                how, _, name = kind.partition(":")
                held: Key | None = None
                if how == "attr":
                    owner, _, attr = name.partition(":")
                    held = (owner, attr)
                elif how == "global":
                    held = (caller.module, name)
                if held is not None and held not in found:
                    found.add(held)
                    changed = True
    return found


def _passers(
    graph: CallGraph, fn: Function, inj: Injection, depth: int = 0
) -> list[tuple[Function, Call, str]]:
    """The callers of ``fn`` that hand in a value for ``inj``, and how they hold it
    ("?" for a value handed through ``*args``/``**kwargs``, "" for one not followed).

    A caller handing on its own ``**kwargs`` whole (a subclass's ``__init__(self,
    base, **kwargs)`` calling ``super().__init__(base, **kwargs)``) passes what its
    callers give it by that name: those callers are the passers (none, when no one
    names it)."""
    if graph.flow is None:
        return []
    found = []
    for caller, call, offset in graph.flow.sites.get(fn.qualname, []):
        slot = _slot(fn, call, offset, inj)
        if slot is None:
            continue
        name = inj.keyword or inj.param
        if slot == "?" and depth < 8 and _forwards_kwargs(graph, caller, call):
            forwarded = Injection(inj.holder, caller.kwarg or "", name, inj.span)
            found += _passers(graph, caller, forwarded, depth + 1)
            continue
        kind = "?" if slot == "?" else given_kind(graph, caller, call, slot)
        found.append((caller, call, kind))
    return found


def _forwards_kwargs(graph: CallGraph, caller: Function, call: Call) -> bool:
    """Whether ``call`` hands on ``caller``'s own ``**kwargs`` untouched, and every
    call of ``caller`` is seen (``call`` gives no ``*args``)."""
    return (
        caller.kwarg is not None
        and call.star_kwargs == caller.kwarg
        and not caller.kwargs_read
        and call.positional >= 0
        and _handed_as_value(graph, caller) is None
    )


def given_kind(graph: CallGraph, caller: Function, call: Call, slot: str) -> str:
    """How ``caller`` holds the session ``call`` hands in at ``slot`` (see
    :meth:`~migrate.analyse.held.HeldVisitor.session_kind`), "" when not followed;
    ``attr:<class>:<name>`` for one an object's attribute holds, where the type flow
    tells it is a session: ``self.session`` that was itself handed in, or
    ``service.session`` of an object handed in (``fetch_json(service.session, url)``)."""
    kind = dict(call.sessions_given).get(slot, "")
    if kind.startswith(MAYBE_ATTR):
        attr = kind.removeprefix(MAYBE_ATTR)
        owner = caller.class_qualname or ""
        kind = f"attr:{attr}" if graph.attr_type(owner, attr) in SESSION_TYPES else ""
    if kind.startswith("attr:") and caller.class_qualname:
        attr = kind.removeprefix("attr:")
        return f"attr:{graph.attr_owner(caller.class_qualname, attr)}:{attr}"
    if kind or graph.flow is None:
        return kind
    held = _handed_value(call, slot)
    owner, _, attr = (held or "").rpartition(".")
    if graph.flow.handed_type(held, caller) in SESSION_TYPES:
        typ = graph.flow.handed_type(owner, caller)
    elif graph.value_type(held) in SESSION_TYPES:
        typ = graph.value_type(owner)  # ``self.api.http_session``, ``self.api`` an Api
    else:
        return ""
    return f"attr:{graph.attr_owner(typ, attr)}:{attr}" if typ else ""


def _handed_value(call: Call, slot: str) -> str | None:
    """What ``call`` hands over at ``slot`` (see ``Call.arg_values``)."""
    if slot.isdigit():
        index = int(slot)
        return call.arg_values[index] if index < len(call.arg_values) else None
    return dict(call.kwarg_values).get(slot)


def _slot(fn: Function, call: Call, offset: int, inj: Injection) -> str | None:
    """Where ``call`` gives ``inj``'s value: a position, a keyword, "?" (maybe, through
    ``*``/``**``), or None (not given: the default is made)."""
    if inj.keyword is not None:
        name = inj.keyword
    else:
        name = inj.param
        index = fn.params.index(name)
        if index < fn.positional:
            if call.positional < 0:
                return "?"
            if 0 <= index - offset < call.positional:
                return str(index - offset)
    if name in call.keywords:
        return name
    return "?" if "**" in call.keywords else None


def _handed_as_value(graph: CallGraph, fn: Function) -> str | None:
    """Where ``fn`` (or the class it makes, for ``__init__``) is used as a value
    (``run(func=fetch)``); None when every call to it is seen."""
    flow = graph.flow
    targets = {fn.qualname} | ({fn.class_qualname} if fn.name == "__init__" else set())
    if flow is None or not targets & flow.values:
        return None
    for user in graph.functions.values():
        for ref in user.refs:
            if ref.target and not ref.instance and graph.resolve(ref.target) in targets:
                return f"in {short_name(user.qualname)} (line {ref.span.line})"
    return "where the analysis does not see"


def _refusal(
    graph: CallGraph,
    colouring: Colouring,
    fn: Function,
    inj: Injection,
    converted: set[Key],
    injections: dict[tuple[str, str], tuple[Function, Injection]],
    refused: dict[Key, str],
) -> str | None:
    """Why the session ``inj`` describes stays on requests, or None."""
    owner = (fn.class_qualname or fn.qualname).rsplit(".", 1)[-1]
    handed = _handed_as_value(graph, fn)
    if handed is not None:
        return (
            f"stays on requests: {short_name(fn.qualname)} takes a session and is handed on"
            f" as a value {handed}, so the migration cannot see which session it is called with"
        )
    for caller, call, kind in _passers(graph, fn, inj):
        where = f"{short_name(caller.qualname)} (line {call.span.line})"
        head = f"stays on requests: {where} hands {owner} its session"
        if kind == "none":
            continue
        if kind == "?":
            return f"{head} through *args/**kwargs, which the migration cannot follow"
        if kind == "":
            return f"{head} as a value the migration does not make an httpx.AsyncClient"
        if inj.configured:
            return f"{head}, and {owner} changes the session it is given ({inj.holder})"
        how, _, name = kind.partition(":")
        if how in ("made", "local"):
            if not (caller.is_async or colouring.is_async(caller.qualname)):
                return f"{head}, made in code that stays sync"
        elif how == "param":
            inner = injections.get((caller.qualname, name))
            if inner is None:
                return f"{head}, its parameter {name}, which the migration does not follow"
            if _key(graph, *inner) in refused:
                return f"{head}, its parameter {name}, which stays a requests.Session"
        elif how == "attr":
            # ``self.session`` a base class holds (``Core.__init__`` sets it).
            owner, _, name = name.partition(":")
            key = (owner, name)
            if key not in converted or key in graph.kept_sessions:
                return f"{head}, self.{name}, which stays a requests.Session"
        elif how == "global":
            if (caller.module, name) not in converted:
                return f"{head}, the module's {name}, which stays a requests.Session"
    return None


def factory_refusals(graph: CallGraph, colouring: Colouring) -> dict[Key, str]:
    """Sessions a moving factory makes (see graph.moved_factories) that code staying
    sync calls: a local or ``self.<attr>`` one would be an AsyncClient called without
    an await, so it stays on requests, and with it every session of its factory
    (a module global's sync users go through async_to_sync where code that becomes
    async uses it too)."""
    refused: dict[Key, str] = {}
    held: dict[Key, str] = {}
    for factory, sites in graph.moved_factories.items():
        for site in sites:
            key = held_key(graph, site)
            if key is not None:
                held[key] = factory
    held_keys = dict(held)
    # Parameters handed one of them (``fetch(SESSION, url)``): their calls are its calls.
    for callee, param, value in _handed_values(graph):
        for factory, sites in graph.moved_factories.items():
            for site in sites:
                key = held_key(graph, site)
                typ = f"{key[0]}.{key[1]}" if key and site.kind == "attr" else ""
                if value in (factory + RETURNS_SUFFIX, typ):
                    held.setdefault((callee, param), factory)
    bridged = {(b.function, b.span) for b in colouring.bridges if b.kind == "async_to_sync"}
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if fn.is_async or colouring.is_async(qualname):
            continue
        for call, _ in calls:
            key = session_key(graph, fn, call.text, call.target)
            if (qualname, call.span) in bridged:
                continue  # a global's client reached through async_to_sync
            if key in held and key not in held_keys:
                # A parameter: refuse the factory's own sessions, all of them.
                first = next(k for k, f in held_keys.items() if f == held[key])
                refused.setdefault(
                    first,
                    f"stays on requests: {fn.name} is handed a session"
                    f" {short_name(held[key])} makes and calls {call.text} staying sync"
                    f" ({colouring.boundaries.get(qualname, 'it is not reached from async code')})",
                )
            elif key in held and key not in refused:
                why = colouring.boundaries.get(qualname, "it is not reached from async code")
                refused[key] = (
                    f"stays on requests: {fn.name} calls {call.text} and stays sync ({why}), so"
                    " the session"
                    f" {short_name(held[key])} makes stays a requests.Session"
                )
    return refused


def _handed_values(graph: CallGraph) -> list[tuple[str, str, str]]:
    """(callee, parameter, what it is handed) for every call site the type flow knows."""
    if graph.flow is None:
        return []
    found = []
    for callee, sites in graph.flow.sites.items():
        fn = graph.functions[callee]
        for _, call, offset in sites:
            for i, value in enumerate(call.arg_values):
                if value and 0 <= i + offset < len(fn.params):
                    found.append((callee, fn.params[i + offset], value))
            found += [(callee, name, value) for name, value in call.kwarg_values if value]
    return found


def kept_factory_params(graph: CallGraph) -> dict[Key, str]:
    """Parameters handed a session that a top-level factory makes and that stays on
    requests (the factory logs in, say): ``fetch(s, url)`` with ``s =
    make_session()``. The calls made through the parameter stay on requests too:
    awaited, they would await a requests.Session's answer."""
    if graph.flow is None:
        return {}
    kept: dict[str, str] = {}
    for fn in graph.functions.values():
        facts = graph.project.facts[fn.module]
        if fn.class_qualname or fn.parent or fn.name not in facts.session_returns:
            continue
        if fn.qualname not in graph.moved_factories:
            kept[fn.qualname + RETURNS_SUFFIX] = short_name(fn.qualname)
    attrs = {f"{key[0]}.{key[1]}" for key in graph.kept_sessions if key is not None}
    refused: dict[Key, str] = {}
    for callee, param, value in _handed_values(graph):
        if value in kept or value in attrs:
            made = f"made by {kept[value]}" if value in kept else f"held in {value}"
            refused.setdefault(
                (callee, param),
                f"stays on requests: {param} is handed a session {made}, which stays on requests",
            )
    return refused


def handed_sessions(graph: CallGraph, colouring: Colouring) -> set[Key]:
    """Module-global sessions (``(module, name)``) and ``self.<attr>`` ones (``(class,
    attr)``) handed to a parameter through which calls become httpx calls
    (``fetch(SESSION, url)``, ``fetch(self.session, url)`` with ``session.get`` in
    ``fetch``): they must become clients too, or those calls would await a
    requests response."""
    found: set[Key] = set()
    if graph.flow is None:
        return found
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if not (fn.is_async or colouring.is_async(qualname)):
            continue
        params = {
            call.text.split(".")[0]
            for call, entry in calls
            if entry.action is Action.REWRITE and call.text.split(".")[0] in fn.params
        }
        for param in params:
            index = fn.params.index(param)
            for caller, call, offset in graph.flow.sites.get(qualname, []):
                position = index - offset
                slot = str(position) if 0 <= position < call.positional else param
                kind = given_kind(graph, caller, call, slot)
                if kind.startswith("attr:"):
                    owner, _, attr = kind.removeprefix("attr:").partition(":")
                    found.add((owner, attr))
                elif kind.startswith("global:"):
                    # Where the global is made: imported (``from app.http import
                    # SESSION``), it is the module that makes it.
                    name = f"{caller.module}.{kind.removeprefix('global:')}"
                    home, _, held = (graph.resolve(name) or name).rpartition(".")
                    found.add((home, held))
    return found
