"""The state and helpers every fan-out scan of one function shares."""

from __future__ import annotations

import ast
import keyword
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .. import dataflow
from ..catalogue import HTTP_VERBS
from ..methods import unknown_reason
from ..model import Span, SpotKind
from .computed import function_locals
from .model import GATHER_HELPERS, Awaited, Finding, GatherEdit, span_of
from .quiet import QuietCalls, unknown_callees
from .slots import slot_name
from .syntax import within

# Callee names that say nothing about what they return.
GENERIC_VERBS = frozenset(
    {"fetch", "load", "read", "retrieve", "call", "query", "download", "run", "send", "do"}
)


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
# Names of many results that an ``s`` does not make.
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}
_PLURAL_ALREADY = frozenset(
    {"people", "children", "data", "info", "information", "metadata", "news", "media", "series"}
)


def _telling_apart(calls: list[ast.Call]) -> list[str] | None:
    """For calls that differ in one argument, that argument as part of a name
    (``get_user(base, 1)`` -> ``1``, ``page("Celtuce")`` -> ``celtuce``)."""
    if len({len(c.args) for c in calls}) != 1 or any(c.keywords for c in calls):
        return None
    differing = [
        i for i in range(len(calls[0].args)) if len({ast.dump(c.args[i]) for c in calls}) > 1
    ]
    if len(differing) != 1:
        return None
    found = []
    for call in calls:
        arg = call.args[differing[0]]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, int | str):
            text = str(arg.value).lower().replace(" ", "_").replace("-", "_")
        elif isinstance(arg, ast.Name | ast.Attribute):
            text = arg.id if isinstance(arg, ast.Name) else arg.attr
        else:
            return None
        if not text.replace("_", "").isalnum() or not text.isascii() or len(text) > 16:
            return None
        found.append(text)
    return found if len(set(found)) == len(found) else None


def _callee_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _url_noun(call: ast.Call) -> str:
    """``f"{base}/v1/users/{i}"`` -> ``user``: what the URL a call is given names
    (the collection its last placeholder indexes, or its last segment), singular."""
    for arg in (*call.args, *(k.value for k in call.keywords)):
        parts = [arg] if isinstance(arg, ast.Constant) else getattr(arg, "values", [])
        text = "".join(
            p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else "{}"
            for p in parts
        )
        if "/" not in text:
            continue
        segments = [s for s in text.split("?")[0].split("/") if s]
        while segments and segments[-1] == "{}":
            segments.pop()
        word = segments[-1].lower().replace("-", "_") if segments else ""
        if not word.replace("_", "").isalpha() or not word.isidentifier():
            continue
        singular = {plural: one for one, plural in _IRREGULAR.items()}
        if word in singular:
            return singular[word]
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    return ""


@dataclass
class Scan:
    """One function being scanned: its awaited calls, what is taken, what was found."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    awaited: dict[Span, Awaited]
    lines: list[str]
    allow_reorder: bool = False
    module: ast.Module | None = None  # for module-level names the function reads
    limit_text: str = "--max-concurrency"
    findings: list[Finding] = field(default_factory=list)
    # What the function iterates with ``async for`` once migrated (an async generator).
    async_iterated: frozenset[Span] = frozenset()
    _taken: set[str] = field(default_factory=set)
    _owned: set[Span] = field(default_factory=set)  # fetches a safe spot already gathers
    _fissioned: set[int] = field(default_factory=set)  # ids of loops split in two
    _parents: dict[int, ast.AST] = field(default_factory=dict)  # child id -> parent
    _quiet: frozenset[int] = frozenset()  # ids of the awaited calls: they change nothing
    _locals: frozenset[str] | None = None  # see local_names

    def local_names(self) -> frozenset[str]:
        """The names the function binds (see computed.function_locals), found once."""
        if self._locals is None:
            self._locals = function_locals(self.node)
        return self._locals

    # Whether a call is of one of the project's functions that changes nothing.
    quiet_calls: QuietCalls = unknown_callees
    # The module variables a call of one of the project's functions reads, itself or
    # through what it calls (see Pacing.reads_globals).
    globals_read: Callable[[ast.Call], tuple[str, ...]] = lambda call: ()

    def _awaited_in(self, node: ast.AST, *, into_comprehensions: bool = True) -> list[ast.Call]:
        found = []
        for sub in dataflow.walk_local(node):
            if isinstance(sub, ast.Call) and span_of(sub) in self.awaited:
                if not into_comprehensions and self._in_comprehension(sub, node):
                    continue
                found.append(sub)
        return sorted(found, key=lambda c: (c.lineno, c.col_offset))

    def _in_comprehension(self, node: ast.AST, stop: ast.AST) -> bool:
        current = self._parents.get(id(node))
        while current is not None and current is not stop:
            if isinstance(current, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                return True
            current = self._parents.get(id(current))
        return False

    def _evaluated_before(self, node: ast.AST, stmt: ast.AST) -> list[ast.AST]:
        """The parts of ``stmt`` evaluated before ``node`` each time it runs.

        Source order stands for evaluation order: ``f(g(), get(y))`` evaluates ``g()``
        first. Where the two differ it errs towards more (an assignment's target
        counts, though Python evaluates it after the value).
        """
        found: list[ast.AST] = []
        child = node
        parent = self._parents.get(id(child))
        while parent is not None:
            start = (getattr(child, "lineno", 0), getattr(child, "col_offset", 0))
            for sibling in ast.iter_child_nodes(parent):
                if sibling is child or not hasattr(sibling, "end_lineno"):
                    continue
                if isinstance(sibling, ast.stmt) and parent is not stmt:
                    continue  # a compound statement's other blocks: not this evaluation
                end = (getattr(sibling, "end_lineno", 0), getattr(sibling, "end_col_offset", 0))
                if end <= start:
                    found.append(sibling)
            if parent is stmt:
                break
            child, parent = parent, self._parents.get(id(parent))
        return found

    def _fresh(self, base: str) -> str:
        name = base if base.isidentifier() and not keyword.iskeyword(base) else "result"
        candidate, n = name, 2
        while candidate in self._taken:
            candidate = f"{name}_{n}"
            n += 1
        self._taken.add(candidate)
        return candidate

    def _result_name(self, call: ast.Call) -> str:
        """A name for a call's result: ``get_user(x)`` -> ``user``; HTTP verbs -> ``response``."""
        base = self._result_base(call)
        if base in self._taken and f"fetched_{base}" not in self._taken:
            # The function has a ``user`` of its own: this one is the one fetched.
            base = f"fetched_{base}"
        return self._fresh(base)

    def _result_base(self, call: ast.Call) -> str:
        slot = slot_name(call, self._parents)
        if slot and slot not in self._taken:
            return slot  # ``{"first": status(1)}``: the first one
        noun = self._noun(call)
        if noun in self._taken and noun == _callee_name(call):
            return f"{noun}_result"  # ``search(q)``: don't shadow the function
        return noun

    def _noun(self, call: ast.Call) -> str:
        """What one result of ``call`` is, as a person would name it: ``get_user(x)`` ->
        ``user``, ``charge(...)`` -> ``charge``, ``call_api("GET", f"{b}/users/{i}")``
        -> ``user`` (a wrapper named for what it does: what its URL names);
        HTTP verbs -> ``response``."""
        last = _callee_name(call).lstrip("_")  # ``_fetch_user``: a private helper's noun too
        if last.lower() in (*HTTP_VERBS, "request"):
            return "response"
        for prefix in ("get_", "fetch_", "load_", "read_", "retrieve_", "lookup_", "query_"):
            if last.startswith(prefix) and len(last) > len(prefix):
                return last[len(prefix) :]
        if not last or last in GENERIC_VERBS or last.split("_")[0] in GENERIC_VERBS:
            # ``fetch(i)``, ``call_api(...)`` say nothing about what they give.
            return _url_noun(call) or "result"
        return last

    def _scoped_name(self, call: ast.Call, scope: ast.AST) -> str:
        """A name for one result inside ``scope`` (a comprehension, whose names are
        its own): the noun, unless ``scope`` uses that name for something else."""
        noun = self._noun(call)
        used = {
            n.id for n in ast.walk(scope) if isinstance(n, ast.Name) and not within(n, call.func)
        }
        # The function's own variables keep their names to themselves, for the reader.
        used |= {a.arg for a in ast.walk(self.node) if isinstance(a, ast.arg)}
        used |= {
            n.id
            for n in ast.walk(self.node)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        return noun if noun.isidentifier() and noun not in used else self._result_name(call)

    def _result_names(self, calls: list[ast.Call]) -> list[str]:
        """Names for results gathered together: calls that would share one are told
        apart by the argument that differs (``user_1``, ``user_2``), or by their
        order (``first_user``, ``second_user``), never by a counter alone."""
        bases = [self._result_base(c) for c in calls]
        names = list(bases)
        for base in set(bases):
            same = [i for i, b in enumerate(bases) if b == base]
            if len(same) < 2:
                continue
            suffixes = _telling_apart([calls[i] for i in same])
            for n, i in enumerate(same):
                if suffixes is not None:
                    names[i] = f"{base}_{suffixes[n]}"
                elif n < len(ORDINALS):
                    names[i] = f"{ORDINALS[n]}_{base}"
        return [self._fresh(n) for n in names]

    def _source(self, node: ast.AST) -> str:
        """The expression as written (quotes and all), for the rewrite to reuse."""
        return ast.get_source_segment("\n".join(self.lines), node) or ast.unparse(node)

    def _plural(self, name: str) -> str:
        if name in _IRREGULAR:
            return self._fresh(_IRREGULAR[name])
        if name in _PLURAL_ALREADY:
            return self._fresh(f"all_{name}")  # not ``peoples``
        if len(name) <= 2 or name.endswith("s"):
            return self._fresh("results")
        if name.endswith("y") and not name.endswith(("ay", "ey", "oy", "uy")):
            return self._fresh(name[:-1] + "ies")
        if name.endswith(("sh", "ch", "x", "z")):
            return self._fresh(name + "es")  # ``refreshes``, not ``refreshs``
        return self._fresh(name + "s")

    def _whole_line(self, stmt: ast.stmt) -> bool:
        """Nothing else shares the statement's lines (no ``a = 1; b = f()``)."""
        first = self.lines[stmt.lineno - 1] if stmt.lineno <= len(self.lines) else ""
        end_line = stmt.end_lineno or stmt.lineno
        last = self.lines[end_line - 1] if end_line <= len(self.lines) else ""
        before = first.encode()[: stmt.col_offset].decode(errors="ignore")
        after = last.encode()[stmt.end_col_offset or 0 :].decode(errors="ignore").strip()
        return not before.strip() and (not after or after.startswith("#"))

    def _unconditional(self, node: ast.AST) -> Iterator[ast.AST]:
        """Sub-expressions that are evaluated whenever ``node`` is."""
        yield node
        if isinstance(node, ast.IfExp):
            yield from self._unconditional(node.test)
            return
        if isinstance(node, ast.BoolOp):
            yield from self._unconditional(node.values[0])
            return
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            # Its first iterable is evaluated where it is written, before any item.
            yield from self._unconditional(node.generators[0].iter)
            return
        if isinstance(
            node,
            ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        ):
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                continue
            yield from self._unconditional(child)

    def _fetches_of(self, expr: ast.AST) -> tuple[list[ast.Call], list[ast.Call]]:
        """Awaited calls evaluated every time ``expr`` is, and those that may not be."""
        every = [
            n
            for n in self._unconditional(expr)
            if isinstance(n, ast.Call) and span_of(n) in self.awaited
        ]
        ids = {id(n) for n in every}
        maybe = [c for c in self._awaited_in(expr) if id(c) not in ids]
        return sorted(every, key=lambda c: (c.lineno, c.col_offset)), maybe

    def _writes(
        self, nodes: Sequence[ast.AST], outside: Sequence[ast.AST] = ()
    ) -> dict[str, ast.AST]:
        """What ``nodes`` may change; the fetches change only what they are known
        to (their receiver's attributes, the objects handed to parameters they
        change in place: ``load_into(base, ctx)`` filling ``ctx``), and what the
        calls ``outside`` are made of is left out."""
        found = dataflow.writes(nodes, self._quiet, outside)
        skipped = {id(n) for node in outside for n in ast.walk(node)}
        for node in nodes:
            for sub in dataflow.walk_local(node):
                if isinstance(sub, ast.Call) and id(sub) not in skipped:
                    if id(sub) in self._quiet and span_of(sub) in self.awaited:
                        for path in self._info(sub).changed_paths(sub):
                            found.setdefault(path, sub)
        return found

    def _info(self, call: ast.Call) -> Awaited:
        return self.awaited[span_of(call)]

    def _nested_fetch(self, call: ast.Call) -> ast.Call | None:
        """Another awaited call inside this one's arguments (it feeds this call)."""
        for sub in dataflow.walk_local(call):
            if sub is not call and isinstance(sub, ast.Call) and span_of(sub) in self.awaited:
                return sub
        return None

    def _write_refusal(self, calls: list[ast.Call], threaded: bool = False) -> str | None:
        holding = next((c for c in calls if self._info(c).holds), None)
        if holding is not None:
            # Tasks share the loop's thread: the second would block it, waiting for
            # the lock the first holds while it awaits.
            return f"{self._info(holding).short} holds {self._info(holding).holds} across an await"
        replaced = next((c for c in calls if self._info(c).replaced), None)
        if replaced is not None and len(calls) > 1:
            return (
                f"{self._info(replaced).short} is assigned on an instance elsewhere"
                f" ({self._info(replaced).replaced} = ..., a stand-in): what stands in may"
                " raise as it is called, before calls made together are awaited"
            )
        if self.allow_reorder or threaded:
            # Reordered already (or the legacy threads sent them in no order).
            return None
        unknown = next((c for c in calls if self._info(c).any_method), None)
        if unknown is not None:
            return unknown_reason(self._info(unknown).short, self._method_given(unknown))
        verbs = sorted({v for c in calls for v in self._info(c).writes})
        if not verbs:
            return None
        return (
            f"{'/'.join(verbs)} requests whose order the upstream may observe"
            " (--allow-reorder runs them together when they are independent)"
        )

    def _method_given(self, call: ast.Call) -> str:
        """The method ``request(method, url)`` is given, as written ("" for a wrapper's)."""
        if self._info(call).short != "request":
            return ""
        given = [k.value for k in call.keywords if k.arg == "method"] or call.args[:1]
        return self._source(given[0]) if given else ""

    def _receiver_refusal(self, call: ast.Call, items: list[str]) -> str | None:
        """Why calls of a method that changes its receiver stay in order, unless each
        item has its own receiver (``for page in pages: page.load()``)."""
        info = self._info(call)
        if info.changes_globals:
            changed = ", ".join(name.rpartition(".")[2] for name in info.changes_globals)
            return (
                f"each {info.short} changes {changed}, which outlives the call (a module"
                " global, or a decorator's): run together, the calls would change it in the"
                " order they finish and miss each other's changes (a cache filled per key"
                " would fetch a repeated key again)"
            )
        shared = self._shared_argument(call, items)
        if shared is not None:
            return (
                f"each {info.short} changes what its {shared[0]} holds, {shared[1]}, which"
                " every call is handed: run together, they would change it in the order"
                " they finish and miss each other's changes (a node seen twice)"
            )
        func = call.func
        receiver = dataflow.path_of(func.value) if isinstance(func, ast.Attribute) else None
        if not info.changes_receiver or receiver is None or receiver.split(".")[0] in items:
            return None
        changed = ", ".join(f"{receiver}.{attr}" for attr in info.changes_receiver)
        return (
            f"each {info.short} changes {changed}: run together, the calls would change it"
            " in the order they finish and could see each other's changes; moving the"
            f" change out of {info.short} into the loop would let them run together"
        )

    def _shared_argument(self, call: ast.Call, items: list[str]) -> tuple[str, str] | None:
        """A parameter the callee changes in place and the object it is handed here,
        the same for every item (``walk(dep, seen)``): (parameter, argument)."""
        for name, path in self._info(call).changed_arguments(call):
            if path.split(".")[0] not in items:
                return name, path
        return None

    def _listed_name(self, iterated: ast.expr, user: ast.AST) -> str:
        """The name the items ``iterated`` gives are listed under, to be read twice:
        its own (``ids = list(ids)``), unless code after ``user`` reads it, which may
        want the object it held (``repos.sort()`` on the caller's list); else fresh."""
        end = getattr(user, "end_lineno", 0)
        if isinstance(iterated, ast.Name) and not any(
            isinstance(n, ast.Name) and n.id == iterated.id and n.lineno > end
            for n in ast.walk(self.node)
        ):
            return iterated.id
        return self._fresh("items")

    def _kept_as_it_is(self, loop: ast.For, fetches: list[ast.Call]) -> bool:
        """A loop that stays as it is: one an earlier run gathered inside, and left
        so; one taking its items from an async generator (refused, with why)."""
        if any(
            isinstance(sub, ast.Call)
            and (dataflow.path_of(sub.func) or "").endswith(GATHER_HELPERS)
            for stmt in loop.body
            for sub in dataflow.walk_local(stmt)
        ):
            return True
        if span_of(loop.iter) in self.async_iterated:
            # Its items come page by page, as it reaches them: a gather would list
            # them all first, fetching pages the loop's failure would have spared.
            why = f"{ast.unparse(loop.iter)} gives its items as they come (async for)"
            self._refuse("loop", loop, fetches, why)
            return True
        return False

    def _refuse(
        self,
        kind: SpotKind,
        node: ast.AST,
        calls: list[ast.Call],
        reason: str,
        edit: GatherEdit | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                kind,
                span_of(node),
                tuple(dict.fromkeys(self._info(c).callee for c in calls)),
                False,
                f"kept sequential: {reason}",
                edit=edit,
            )
        )

    def _assigned_from_results(self, body: list[ast.stmt], path: str) -> bool:
        """Whether the body sets ``path`` from something it fetched (a cursor, a next link)."""
        fetched: set[str] = set()
        known = -1
        while len(fetched) != known:  # around the loop: what the next iteration sees
            known = len(fetched)
            for stmt in body:
                if self._awaited_in(stmt):
                    fetched |= set(self._writes([stmt]))
                for sub in dataflow.walk_local(stmt):
                    targets = set(dataflow.assigned_names(sub))
                    value = getattr(sub, "value", None)
                    if value is not None and targets and dataflow.reads(value) & fetched:
                        fetched |= targets
        return any(dataflow.touches(path, f) for f in fetched)

    def _read_anywhere(self, name: str) -> bool:
        return any(
            isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
            for n in ast.walk(self.node)
        )

    def _gathered_before(self, loop: ast.For) -> bool:
        """``for x, r in zip(xs, rs)`` (or ``for r in rs``) with ``rs = await
        gather_in_order(...)``: a loop split in two by an earlier run, whose other
        fetches were left in it then."""
        walked = loop.iter
        if (
            isinstance(walked, ast.Call)
            and dataflow.path_of(walked.func) == "zip"
            and len(walked.args) >= 2
        ):
            walked = walked.args[-1]
        if not isinstance(walked, ast.Name):
            return False
        results = walked.id
        for node in dataflow.walk_local(self.node):
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == results for t in node.targets)
                and isinstance(node.value, ast.Await)
                and isinstance(node.value.value, ast.Call)
                and (dataflow.path_of(node.value.value.func) or "").endswith(GATHER_HELPERS)
            ):
                return True
        return False
