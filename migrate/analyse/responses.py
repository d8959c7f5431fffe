"""Responses handed to other functions: which parameters hold httpx's once calls move.

``def parse(resp): resp.raise_for_status(); return resp.ok`` called as
``parse(requests.get(url))``: once that call moves to httpx, ``resp.ok``
raises AttributeError in ``parse``, which has no request of its own to be
rewritten. Client libraries are full of such helpers (``self._check(r)``,
``return self._json(r)``), so the flow is followed across functions,
methods and modules: from the calls that make a response (a request function
or a client's method), through locals, call sites (by position or keyword)
and returns (``r = self._request(...)``), into the parameters of the
functions they are handed to, and on from there (a helper handing its
parameter to another).

Each parameter that is handed a response gets a verdict:

* ``httpx``: every response it is handed comes from a call that moves to
  httpx (or was httpx's already): MIG001 gives it the attribute fixes a
  local holding such a response gets, and its ``requests.Response``
  annotation becomes ``httpx.Response``;
* ``both``: it is also handed requests' responses (code that stays on
  requests, a gradual step), or values the analysis cannot trace while
  requests calls remain: only forms that work on both are written
  (``.ok`` -> ``not 400 <= r.status_code < 600``, ``.url`` -> ``str(r.url)``,
  ``raise_for_status()`` guarded by the status), and every other
  requests-only attribute is a review item naming the callers of each kind;
* ``requests``: only requests' responses reach it: nothing changes, whatever
  its annotation says.

Only the functions that can take part are parsed again (those making or
handed responses, and the functions whose results they pass on).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from .catalogue import BlockingCall
from .decisions import Colouring, Review
from .graph import CallGraph
from .local_flow import LocalFlow, Source, local_flow
from .methods import offset_of
from .model import Call, Function, Span

# Where a response comes from: a call that moves to httpx, one that was httpx's
# already, one that stays on requests, or a value the analysis cannot trace.
Kind = Literal["moved", "native", "requests", "unknown"]
Verdict = Literal["httpx", "both", "requests"]

# requests' Response attributes that httpx's lacks or that behave otherwise,
# and whether MIG001 writes a form that works on httpx's response alone, and
# one that works on both libraries' (see http_client and http_values).
FIXES: dict[str, tuple[bool, bool]] = {
    "ok": (True, True),  # not r.is_error / not 400 <= r.status_code < 600
    "reason": (True, False),  # r.reason_phrase
    "url": (True, True),  # str(r.url)
    "raise_for_status": (True, True),  # only for 4xx/5xx, as requests does
    "apparent_encoding": (True, False),  # apparent_encoding(r), a helper
    "is_permanent_redirect": (True, True),  # status 301/308 with a location
    "next": (False, False),
    "connection": (False, False),
    "raw": (False, False),
    "iter_content": (False, False),
    "iter_lines": (False, False),
}


@dataclass(frozen=True)
class Given:
    """A response of ``kind`` handed to a parameter at ``caller``'s ``line``."""

    kind: Kind
    caller: str
    line: int


@dataclass
class ResponseParam:
    """A parameter handed responses, and what that asks of its function."""

    function: str
    param: str
    given: set[Given]
    uses: list[tuple[str, int]]
    verdict: Verdict


def _is_response_call(entry: BlockingCall) -> bool:
    return entry.family in ("http", "http-client") and entry.http_method is not None


class ResponseFlow:
    """The project's responses, followed from the calls that make them into parameters.

    ``moves(fn, call)`` says whether a request call of ``fn`` moves to httpx in
    this run.
    """

    def __init__(self, graph: CallGraph, moves: Callable[[Function, Call], bool]) -> None:
        self.graph = graph
        self.functions = graph.functions
        # (function, call span) -> the kind of response the call makes.
        self.made: dict[tuple[str, Span], Kind] = {}
        for qualname, calls in graph.blocking.items():
            fn = self.functions[qualname]
            for call, entry in calls:
                if not _is_response_call(entry):
                    continue
                if entry.name.startswith("httpx"):
                    kind: Kind = "native"
                else:
                    kind = "moved" if moves(fn, call) else "requests"
                self.made[(qualname, call.span)] = kind
        # Requests calls remain somewhere: a value that cannot be traced may be one's.
        self.gradual = "requests" in self.made.values()
        self.local: dict[str, LocalFlow] = {}
        self._trees: dict[str, dict[tuple[int, int], ast.AST]] = {}
        self._calls: dict[str, dict[Span, Call]] = {}
        self.incoming: dict[tuple[str, str], set[Given]] = {}
        self.returns: dict[str, set[Kind]] = {}
        # What calls handing over a response name, where no analysed function is.
        self.unseen: set[str] = set()
        if any(kind == "moved" for kind in self.made.values()):
            self._solve()

    # -- the fixpoint ------------------------------------------------------------

    def _solve(self) -> None:
        todo = {qualname for qualname, _ in self.made}
        while True:
            for qualname in sorted(todo - set(self.local)):
                self.local[qualname] = self._read(qualname)
            todo = set()
            changed = self._discover(todo)
            for (callee, param), before in list(self.incoming.items()):
                given = self._given(callee, param, todo)
                if given != before:
                    self.incoming[(callee, param)] = given
                    changed = True
            for qualname in list(self.local):
                fn = self.functions[qualname]
                returned = self._kinds(fn, self.local[qualname].returned, todo) - {"unknown"}
                if returned - self.returns.get(qualname, set()):
                    self.returns.setdefault(qualname, set()).update(returned)
                    # Its callers hand on what it returns.
                    todo.update(edge.caller for edge in self.graph.callers.get(qualname, []))
                    changed = True
            if not changed and todo <= set(self.local):
                return

    def _discover(self, todo: set[str]) -> bool:
        """Parameters some call hands a response: they and their callers are followed."""
        found = False
        for qualname, flow in list(self.local.items()):
            fn = self.functions[qualname]
            calls = self._calls_of(fn)
            for span, slots in flow.handed.items():
                call = calls.get(span)
                callee = self.graph.callee_of(call) if call is not None else None
                if call is not None and call.target and callee not in self.functions:
                    # Maybe a function of a module not analysed yet (see unseen_modules).
                    if any(self._kinds(fn, s, todo) - {"unknown"} for s in slots.values()):
                        self.unseen.add(call.target)
                if call is None or callee is None or callee not in self.functions:
                    continue
                for param, slot in self._slots(self.functions[callee], call):
                    sources = slots.get(slot) if slot is not None else None
                    if (callee, param) in self.incoming or sources is None:
                        continue
                    if self._kinds(fn, sources, todo) - {"unknown"}:
                        self.incoming[(callee, param)] = set()
                        todo.add(callee)
                        todo.update(edge.caller for edge in self.graph.callers.get(callee, []))
                        found = True
        return found

    def _given(self, callee: str, param: str, todo: set[str]) -> set[Given]:
        """What every call site of ``callee`` hands its parameter ``param``."""
        fn = self.functions[callee]
        given = {Given("unknown", "", 0)} if self._hidden(fn) else set()
        for edge in self.graph.callers.get(callee, []):
            if edge.via != "call" or edge.call is None:
                continue  # a reference or a decorator: see _hidden
            slots = dict(self._slots(fn, edge.call))
            if param not in slots:
                continue  # left to its default
            caller = self.functions[edge.caller]
            flow = self.local.get(edge.caller)
            slot = slots[param]
            sources = None
            if flow is None:
                todo.add(edge.caller)
            elif slot is not None:
                sources = flow.handed.get(edge.call.span, {}).get(slot)
            unknown: set[Kind] = {"unknown"}
            kinds = self._kinds(caller, sources, todo) if sources is not None else unknown
            if kinds == unknown and self.graph.project.facts[caller.module].is_test_file:
                continue  # a test's fake: the test moves with the code, mocks and all
            given |= {Given(kind, edge.caller, edge.call.span.line) for kind in kinds}
        return given

    def _kinds(self, fn: Function, sources: frozenset[Source] | None, todo: set[str]) -> set[Kind]:
        kinds: set[Kind] = set()
        for source in sources or ():
            if source.kind == "param":
                given = self.incoming.get((fn.qualname, source.name))
                # A parameter no response reaches holds what its callers give: anything.
                kinds |= {g.kind for g in given} if given is not None else {"unknown"}
                continue
            if source.kind == "unknown" or source.span is None:
                kinds.add("unknown")
                continue
            made = self.made.get((fn.qualname, source.span))
            if made is not None:
                kinds.add(made)
                continue
            call = self._calls_of(fn).get(source.span)
            callee = self.graph.callee_of(call) if call is not None else None
            if callee is None or callee not in self.functions:
                kinds.add("unknown")
            elif callee not in self.local:
                todo.add(callee)
            else:
                # No response the flow follows comes back from it: what it gives
                # may still be one (``return result.response``, kept in a wrapper).
                kinds |= self.returns.get(callee) or {"unknown"}
        return kinds

    def _slots(self, callee: Function, call: Call) -> Iterator[tuple[str, str | None]]:
        """Each parameter of ``callee`` that ``call`` gives, with the slot that gives
        it (None: through ``*args``/``**kwargs``, which are not followed)."""
        offset = int(offset_of(callee, call) or callee.name == "__init__")
        for index, param in enumerate(callee.params):
            if index < offset:
                continue
            position = index - offset
            if call.positional < 0 and index < callee.positional:
                yield param, None  # a ``*starred`` argument may give it
            elif position < call.positional and index < callee.positional:
                yield param, str(position)
            elif param in call.keywords:
                yield param, param
            elif "**" in call.keywords:
                yield param, None

    def _calls_of(self, fn: Function) -> dict[Span, Call]:
        if fn.qualname not in self._calls:
            self._calls[fn.qualname] = {call.span: call for call in fn.calls}
        return self._calls[fn.qualname]

    def _read(self, qualname: str) -> LocalFlow:
        fn = self.functions[qualname]
        if fn.module not in self._trees:
            loaded = self.graph.project.files.get(fn.module)
            nodes: dict[tuple[int, int], ast.AST] = {}
            if loaded is not None:
                tree = ast.parse(loaded.source.text)
                nodes[(0, 0)] = tree
                for sub in ast.walk(tree):
                    if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.If):
                        nodes[(sub.lineno, sub.col_offset)] = sub
            self._trees[fn.module] = nodes
        key = (0, 0) if fn.name == "<module>" else (fn.span.line, fn.span.col)
        node = self._trees[fn.module].get(key)
        if node is None:
            return LocalFlow()
        params = frozenset(fn.params) if fn.name not in ("<module>", "<main>") else frozenset()
        return local_flow(node, params)

    # -- what the plan gets --------------------------------------------------------

    def parameters(self) -> list[ResponseParam]:
        """Every parameter handed a response made here, with its verdict."""
        found = []
        for (qualname, param), given in sorted(self.incoming.items()):
            flow = self.local.get(qualname)
            if flow is None or param in flow.rebound:
                continue
            verdict = self._verdict({g.kind for g in given})
            if verdict is not None:
                uses = flow.uses.get(param, [])
                found.append(ResponseParam(qualname, param, given, uses, verdict))
        return found

    def returning(self) -> dict[str, Verdict]:
        """Functions returning a response made here -> whose it is once calls move."""
        found = {}
        for qualname in sorted(self.returns):
            fn = self.functions[qualname]
            verdict = self._verdict(self._kinds(fn, self.local[qualname].returned, set()))
            if verdict is not None:
                found[qualname] = verdict
        return found

    def _verdict(self, kinds: set[Kind]) -> Verdict | None:
        if "moved" in kinds:
            mixed = "requests" in kinds or ("unknown" in kinds and self.gradual)
            return "both" if mixed else "httpx"
        return "requests" if "requests" in kinds else None

    def _hidden(self, fn: Function) -> bool:
        """Whether ``fn`` may be called where no call site shows what it is given."""
        flow = self.graph.flow
        refs = any(edge.via != "call" for edge in self.graph.callers.get(fn.qualname, []))
        return refs or (flow is not None and flow._hidden(fn))

    def reviews(self, where: Callable[[str], str] = str) -> list[Review]:
        """What the rewrite leaves as it was in helpers handed httpx's responses
        (``where`` gives a file's path as the plan shows it)."""
        found = []
        for param in self.parameters():
            if param.verdict == "requests":
                continue
            both = param.verdict == "both"
            left = sorted(set(_unformed(param)))
            if not left:
                continue
            fn = self.functions[param.function]
            attrs = ", ".join(dict.fromkeys(f"{param.param}.{attr}" for attr, _ in left))
            moved = self._by(param, where, "moved")
            handed = f"{fn.name}({param.param}) is handed httpx responses by {moved}"
            if both:
                requests = self._by(param, where, "requests")
                unknown = self._by(param, where, "unknown")
                others = [f"requests responses by {requests}"] if requests else []
                if unknown:
                    others.append(f"values that may be requests responses by {unknown}")
                reason = (
                    f"{handed} and {' and '.join(others)}: {attrs} has no form that"
                    " works on both, left as it was (AttributeError on an httpx response):"
                    " move those callers in the same step, or convert the response first"
                )
            else:
                reason = f"{handed}: {attrs} has no httpx twin (AttributeError there): rewrite it"
            line = left[0][1]
            span = Span(line, 0, line, 0)
            found.append(Review(param.function, span, reason))
        return found

    def requests_only(self, param: ResponseParam) -> list[str]:
        """The attributes ``param`` reads that no form works on both responses for."""
        return list(dict.fromkeys(attr for attr, _ in _unformed(param)))

    def moved_calls(self, param: ResponseParam) -> set[tuple[str, Span]]:
        """The request calls that move and whose responses reach ``param`` through
        locals and returns (``r = requests.get(u); check(r)``, ``check(self._get(u))``
        where ``_get`` returns what its request gives)."""
        callee = self.functions[param.function]
        found: set[tuple[str, Span]] = set()
        for edge in self.graph.callers.get(param.function, []):
            flow = self.local.get(edge.caller)
            if edge.via != "call" or edge.call is None or flow is None:
                continue
            slot = dict(self._slots(callee, edge.call)).get(param.param)
            sources = flow.handed.get(edge.call.span, {}).get(slot or "", frozenset())
            found |= self._moved(edge.caller, sources, set())
        return found

    def _moved(
        self, qualname: str, sources: frozenset[Source], seen: set[str]
    ) -> set[tuple[str, Span]]:
        """The moving request calls ``sources`` (in ``qualname``) come from."""
        found: set[tuple[str, Span]] = set()
        seen.add(qualname)
        for source in sources:
            if source.span is None:
                continue
            made = (qualname, source.span)
            if self.made.get(made) == "moved":
                found.add(made)
                continue
            call = self._calls_of(self.functions[qualname]).get(source.span)
            returner = self.graph.callee_of(call) if call is not None else None
            if returner in self.local and returner not in seen:
                found |= self._moved(returner, self.local[returner].returned, seen)
        return found

    def _by(self, param: ResponseParam, where: Callable[[str], str], *kinds: Kind) -> str:
        names = []
        for given in sorted(param.given, key=lambda g: (g.caller, g.line)):
            if given.kind not in kinds:
                continue
            if not given.caller:
                names.append("callers no call site shows")
                continue
            caller = self.functions[given.caller]
            path = where(self.graph.project.facts[caller.module].path)
            names.append(f"{caller.name} ({path}:{given.line})")
        return ", ".join(dict.fromkeys(names))


def _unformed(param: ResponseParam) -> list[tuple[str, int]]:
    """The (attribute, line) reads of ``param`` the rewrite writes no form for that
    works on what it is handed (httpx's responses; both libraries' for "both")."""
    both = param.verdict == "both"
    return [(attr, line) for attr, line in param.uses if attr in FIXES and not FIXES[attr][both]]


def unseen_modules(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Modules not analysed yet that hold functions a response may be handed to
    (``checks.ensure(resp)`` in a helper of code that becomes async)."""
    flow = ResponseFlow(graph, lambda fn, _: fn.is_async or colouring.is_async(fn.qualname))
    project = graph.project
    wanted: set[str] = set()
    for target in flow.unseen:
        module = project.module_of(target)
        if module is not None and project.files[module].facts is None:
            wanted.add(module)
    return wanted
