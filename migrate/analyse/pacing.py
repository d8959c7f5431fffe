"""Calls that must not run together with others, whatever their data flow says.

A call of a function that only sleeps (a rate limiter's ``wait()``) paces
what follows it, as a sleep does: it stays before the requests it paces. A
function that holds what it entered (``with self.lock:``) while it awaits
cannot run in two tasks of one loop: the second blocks the loop's thread on
the lock the first holds, and neither resumes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .catalogue import Action
from .dataflow import global_names
from .decisions import Colouring
from .graph import CallGraph
from .model import Function, Span
from .project import function_node

# Sleeps of async code: what an earlier run wrote for ``time.sleep``, or code already async.
ASYNC_SLEEPS = frozenset({"asyncio.sleep", "anyio.sleep", "trio.sleep"})
OWN_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# What a response says of how it went, in requests and httpx.
STATUS_ATTRIBUTES = frozenset(
    {"status_code", "ok", "is_error", "is_success", "is_server_error", "is_client_error"}
)
# An auth class's flow (httpx's), run by the client for every request it sends.
AUTH_FLOWS = frozenset({"auth_flow", "async_auth_flow", "sync_auth_flow"})


class Pacing:
    """What keeps the calls of each async function from running with others, worked
    out once per function for the whole analysis (many calls reach the same ones)."""

    def __init__(self, graph: CallGraph, colouring: Colouring) -> None:
        self.graph = graph
        self.colouring = colouring
        self._holds: dict[str, str] = {}
        self._sleeps: dict[str, bool] = {}
        self._polls: dict[str, bool] = {}
        self._auth: str | None = None
        self._trees: dict[str, ast.Module] = {}
        self._globals: dict[str, tuple[str, ...]] = {}
        self._read: dict[str, tuple[str, ...]] = {}
        self._assigned: dict[str, set[str]] | None = None
        self._wrapping: dict[str, list[str]] | None = None
        # Blocking calls of async code run on a thread: awaited, as a second run sees.
        self._offloaded = {(b.function, b.span) for b in colouring.offloads}

    def holds(self, callee: str) -> str:
        """What ``callee`` (or an async function it reaches) holds entered while it
        awaits (``with self.lock: ... await asyncio.sleep(d)``), as written; "" for
        nothing. An auth's flow runs in every request a client sends: one holding a
        lock across an await (a token cache) is held by every call that sends one."""
        if callee not in self._holds:
            reached = list(self._reached(callee))
            held = next((held for fn in reached if (held := self.held_here(fn))), "")
            if not held and self._auth_holds() and any(map(self._sends, reached)):
                held = self._auth_holds()
            self._holds[callee] = held
        return self._holds[callee]

    def _auth_holds(self) -> str:
        if self._auth is None:
            self._auth = ""  # while it is worked out: a flow's own holds() asks again
            flows = (
                fn
                for fn in self.graph.functions.values()
                if fn.class_qualname
                and (fn.name in AUTH_FLOWS or fn.class_qualname in self.graph.converted_auths)
                and self._async(fn.qualname)
            )
            self._auth = next((h for fn in flows if (h := self.holds(fn.qualname))), "")
        return self._auth

    def _sends(self, fn: Function) -> bool:
        calls = self.graph.blocking.get(fn.qualname, [])
        return any(e.family in ("http", "http-client") for _, e in calls)

    def changes_globals(self, callee: str) -> tuple[str, ...]:
        """The module globals ``callee`` changes in place, itself, through the wrapper
        its decorator puts around it (a memo decorator's cache) or through the project
        functions it calls (``get_user`` filling ``_users``, a hand-written cache); a
        session accessor filling its global on first use, before any await, aside."""
        if callee not in self._globals:
            changed: list[str] = []
            seen, todo = {callee}, [callee]
            while todo:
                fn = self.graph.functions[todo.pop()]
                facts = self.graph.project.facts.get(fn.module)
                local = fn.qualname.removeprefix(fn.module + ".")
                if facts is not None and local in facts.session_accessors:
                    continue
                changed += (f"{fn.module}.{name}" for name in fn.global_writes)
                wrappers = self._wrappers().get(fn.qualname, ())
                reached = (self.graph.callee_of(call) for call in fn.calls)
                for found in (*wrappers, *reached):
                    if found is not None and found not in seen and found in self.graph.functions:
                        seen.add(found)
                        todo.append(found)
            self._globals[callee] = tuple(dict.fromkeys(changed))
        return self._globals[callee]

    def reads_globals(self, callee: str) -> tuple[str, ...]:
        """The module variables ``callee`` reads, itself or through the project
        functions it calls, by name (``session`` of ``session.get``, a ``TOKEN`` put
        in a header, a ``CONFIG`` dict): not its functions, classes or imports."""
        if callee not in self._read:
            found: list[str] = []
            seen, todo = {callee}, [callee]
            while todo:
                fn = self.graph.functions[todo.pop()]
                facts = self.graph.project.facts.get(fn.module)
                node = function_node(fn, self.graph.project, self._trees)
                if facts is not None and node is not None:
                    variables = facts.top_level - facts.defs.keys() - facts.imports.keys()
                    found += global_names(node, variables)
                for call in fn.calls:
                    reached = self.graph.callee_of(call)
                    if reached is not None and reached not in seen:
                        seen.add(reached)
                        todo.append(reached)
            self._read[callee] = tuple(dict.fromkeys(found))
        return self._read[callee]

    def replaced(self, callee: str) -> str:
        """Where code assigns method ``callee`` on an instance of its class or of a
        subclass (``site.categorymembers = fake``, a test's stand-in), as written;
        "" for nowhere. What stands in may not be async, or may raise as it is
        called: before calls made together are awaited, leaving them never awaited."""
        if self._assigned is None:
            self._assigned = {}
            classes = self.graph.class_names()
            for fn in self.graph.functions.values():
                for write in fn.writes:
                    owner, _, attr = (self.graph.resolve(write.target) or "").rpartition(".")
                    if owner in classes:  # ``site.members = fake``
                        self._assigned.setdefault(attr, set()).add(owner)
        method = self.graph.functions[callee]
        cls = method.class_qualname
        if cls is None or method.name not in self._assigned:
            return ""
        family = {cls, *self.graph.subclasses(cls)}
        found = sorted(self._assigned[method.name] & family)
        return f"{found[0].rpartition('.')[2]}.{method.name}" if found else ""

    def _wrappers(self) -> dict[str, list[str]]:
        """Each decorated function -> the wrappers its decorators put around it,
        indexed once (``graph.wrapped_by`` maps the other way)."""
        if self._wrapping is None:
            self._wrapping = {}
            for wrapper, wrapped in self.graph.wrapped_by.items():
                for name in wrapped:
                    self._wrapping.setdefault(name, []).append(wrapper)
        return self._wrapping

    def only_sleeps(self, callee: str) -> bool:
        """Whether ``callee`` awaits nothing but sleeps, itself or through the async
        functions it reaches: it paces what follows it (a rate limiter's ``wait()``)."""
        if callee not in self._sleeps:
            kinds = [self._awaits_here(fn) for fn in self._reached(callee)]
            self._sleeps[callee] = "other" not in kinds and "sleep" in kinds
        return self._sleeps[callee]

    def polls(self, callee: str) -> bool:
        """Whether ``callee`` (or an async function it reaches) sleeps in a loop,
        outside an ``except``: it waits for the upstream (a job's state) before it
        returns, as a sleep paces what follows it."""
        if callee not in self._polls:
            self._polls[callee] = any(self._polls_here(fn) for fn in self._reached(callee))
        return self._polls[callee]

    def _polls_here(self, fn: Function) -> bool:
        sleeps = {
            c.span for c, e in self.graph.blocking.get(fn.qualname, []) if e.family == "sleep"
        }
        sleeps |= {c.span for c in fn.calls if c.awaited and c.target in ASYNC_SLEEPS}
        node = function_node(fn, self.graph.project, self._trees) if sleeps else None
        return node is not None and _sleeps_in_loop(node, sleeps)

    def held_here(self, fn: Function) -> str:
        """What ``fn`` itself holds entered (``with self.lock:``) while it awaits, as
        written; "" for nothing."""
        held = set(fn.held_calls)
        if not held:
            return ""
        rewritten = self.graph.blocking.get(fn.qualname, [])
        blocking = {c.span for c, e in rewritten if e.action is Action.REWRITE}
        for call in fn.calls:
            found = self.graph.callee_of(call)
            awaits = call.awaited or call.span in blocking or self._async(found)
            if awaits and call.span in held:
                return fn.held_names[0] if fn.held_names else "a lock"
        return ""

    def _awaits_here(self, fn: Function) -> str:
        """ "other" when ``fn`` itself awaits anything but a sleep or a project function
        (a request, a client's ``get``), "sleep" when it sleeps, "" for neither."""
        found = ""
        for call, entry in self.graph.blocking.get(fn.qualname, []):
            if entry.action is Action.REWRITE:
                if entry.family != "sleep":
                    return "other"
                found = "sleep"
            elif (fn.qualname, call.span) in self._offloaded:
                return "other"  # ``opener.open(req)`` on a thread, awaited as a run reads it
        awaited_params = {span for f, span in self.colouring.param_awaits if f == fn.qualname}
        for call in fn.calls:
            if call.awaited and call.target in ASYNC_SLEEPS:
                found = "sleep"
            elif call.awaited and not self._async(self.graph.callee_of(call)):
                return "other"
            elif call.span in awaited_params:
                return "other"  # ``fn()``, the function it is handed, awaited now
        return found

    def _async(self, name: str | None) -> bool:
        return awaits_async(name, self.graph, self.colouring)

    def _reached(self, callee: str) -> Iterator[Function]:
        """``callee`` and the async functions it calls, each once."""
        seen, todo = {callee}, [callee]
        while todo:
            fn = self.graph.functions[todo.pop()]
            yield fn
            for call in fn.calls:
                found = self.graph.callee_of(call)
                if found and found not in seen and self._async(found):
                    seen.add(found)
                    todo.append(found)


def awaits_async(name: str | None, graph: CallGraph, colouring: Colouring) -> bool:
    """Whether ``name`` is a project function that is, or becomes, async."""
    return name is not None and (colouring.is_async(name) or graph.functions[name].is_async)


def _sleeps_in_loop(node: ast.AST, sleeps: set[Span], looping: bool = False) -> bool:
    """Whether one of the ``sleeps`` calls is made in a loop of ``node`` and not in
    an ``except`` or under a test of a response's status (a retry's pause: ``if
    r.status_code in RETRY: time.sleep(d); continue``); nested functions are their
    own."""
    for child in ast.iter_child_nodes(node):
        if isinstance(
            child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ExceptHandler
        ):
            continue
        if isinstance(child, ast.If) and _tests_status(child.test):
            continue
        if looping and isinstance(child, ast.Call):
            end = (child.end_lineno or child.lineno, child.end_col_offset or 0)
            if Span(child.lineno, child.col_offset, *end) in sleeps:
                return True
        inner = looping or isinstance(child, ast.While | ast.For | ast.AsyncFor)
        if _sleeps_in_loop(child, sleeps, inner):
            return True
    return False


def _tests_status(test: ast.expr) -> bool:
    """Whether an ``if`` tests a response for a failure (``r.status_code == 429``,
    ``r.status_code in RETRY_STATUSES``, ``not r.ok``): what it runs retries a
    request that failed, it does not pace others. A test against a success
    (``== 202``, a job still being made) is a poll's."""
    status = [
        n for n in ast.walk(test) if isinstance(n, ast.Attribute) and n.attr in STATUS_ATTRIBUTES
    ]
    compared = [
        n.value
        for c in ast.walk(test)
        if isinstance(c, ast.Compare) and any(s in status for s in ast.walk(c))
        for n in ast.walk(c)
        if isinstance(n, ast.Constant) and type(n.value) is int
    ]
    return bool(status) and all(code >= 400 for code in compared)
