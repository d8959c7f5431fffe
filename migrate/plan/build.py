"""From an :class:`~migrate.analyse.run.Analysis` to a :class:`Plan`."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

from ..analyse.concurrency import Spot
from ..analyse.decisions import Colouring, Reason, Scope
from ..analyse.gathers.model import DEFAULT_MAX_CONCURRENCY as DEFAULT_LIMIT
from ..analyse.graph import CallGraph
from ..analyse.model import Function, Span
from ..analyse.quart import quart_facts
from ..analyse.run import Analysis
from ..analyse.tree import short_name
from .edits import keeps_requests_calls, plan_edits, requests_patches, response_flow
from .mock_scope import scope_mocks
from .model import (
    BlockingSite,
    BridgeSite,
    ChainLink,
    ConcurrencySpot,
    Conversion,
    ConversionKind,
    Failure,
    Plan,
    PlannedFile,
    ReviewItem,
    Where,
)
from .order import leaves_first
from .steps import propose_steps

# Chains longer than this are cut in the one-line reason (the JSON has them all).
REASON_LINKS = 4


def plan_options(scope: Scope, allow_reorder: bool) -> dict[str, object]:
    """The options a plan records: what was asked to migrate, and how."""
    return {
        "select": list(scope.select),
        "exclude_names": list(scope.exclude),
        "allow_reorder": allow_reorder,
    }


def build_plan(
    analysis: Analysis,
    options: dict[str, object] | None = None,
    steps: bool = False,
    root_args: tuple[str, ...] = (),
) -> Plan:
    graph = analysis.graph
    colouring = analysis.colouring
    base = _common_base(analysis.roots)

    def where(fn: Function | str, span: Span | None = None) -> Where:
        function = graph.functions[fn] if isinstance(fn, str) else fn
        path = _rel(graph.project.facts[function.module].path, base)
        at = span or function.span
        return Where(path, at.line, at.col)

    reasons = _earliest_reasons(analysis)
    conversions = []
    for qualname in _dependency_order(analysis):
        fn = graph.functions[qualname]
        chain = _chain(qualname, reasons, graph, where)
        conversions.append(
            Conversion(
                function=qualname,
                where=where(fn),
                kind=_kind(fn, graph),
                reason=_renamed(qualname, colouring, _reason_text(chain, graph, reasons[qualname])),
                chain=chain,
                http_methods=tuple(sorted(colouring.http_verbs.get(qualname, ()))),
            )
        )

    blocking = []
    for qualname, calls in sorted(graph.blocking.items()):
        fn = graph.functions[qualname]
        for call, entry in calls:
            blocking.append(
                BlockingSite(
                    qualname,
                    where(fn, call.span),
                    entry.name,
                    entry.family,
                    entry.code,
                    entry.action.value,
                    entry.replacement,
                )
            )
    blocking.sort(key=lambda b: (b.where.path, b.where.line, b.where.col))

    bridges = [
        BridgeSite(
            b.function,
            where(b.function, b.span),
            b.callee,
            b.kind,
            b.why,
            b.thread_sensitive,
            b.is_reference,
        )
        for b in (*colouring.bridges, *colouring.offloads)
    ]
    bridges.sort(key=lambda b: (b.where.path, b.where.line, b.where.col))

    spots = [
        ConcurrencySpot(
            s.function,
            where(s.function, s.span),
            s.kind,
            s.calls,
            s.safe,
            s.reason,
            s.bounded,
            _gain(s, int(str((options or {}).get("max_concurrency", DEFAULT_LIMIT)))),
            s.lines,
        )
        for s in analysis.spots
    ]
    spots.sort(key=lambda s: (s.where.path, s.where.line))

    review = sorted(
        {
            ReviewItem(r.function, where(r.function, r.span), r.reason, r.unawaited)
            for r in colouring.review
        },
        key=lambda r: (r.where.path, r.where.line),
    )
    failures = tuple(Failure(_rel(str(f.path), base), f.reason) for f in graph.project.failures)
    edits_by_module = plan_edits(analysis)
    for r in response_flow(analysis, edits_by_module).reviews(lambda path: _rel(path, base)):
        review.append(ReviewItem(r.function, where(r.function, r.span), r.reason))
    # Test files whose requests mocks cannot follow the code they mock in one piece.
    to_httpx = {m for m, fe in edits_by_module.items() if fe.sends_httpx}
    keeps = keeps_requests_calls(graph, edits_by_module, colouring)
    converted = graph.converted | graph.converted_auths
    mocks = scope_mocks(graph.project, to_httpx, keeps, converted, requests_patches(graph))
    for module in sorted(mocks.mixed):
        path = _rel(str(graph.project.files[module].source.path), base)
        review.append(ReviewItem(module, Where(path, 1), mocks.reason(module)))
    if steps:
        # The last step (Flask -> Quart) cannot carry an extension that has no twin.
        for extension in quart_facts(analysis.project).extensions:
            if extension.twin is None:
                path = _rel(str(graph.project.files[extension.module].source.path), base)
                reason = (
                    f"Flask extension {extension.name} has no Quart twin: before"
                    " `migrate apply --to quart`, replace it or run it under quart-flask-patch"
                )
                review.append(ReviewItem(extension.module, Where(path, extension.line), reason))
    edits = tuple(sorted(edits_by_module.values(), key=lambda e: str(e.path)))
    return Plan(
        roots=tuple(str(r) for r in analysis.roots),
        files_total=analysis.files_total,
        files_analysed=len(graph.project.facts),
        conversions=tuple(conversions),
        blocking_calls=tuple(blocking),
        bridges=tuple(bridges),
        concurrency=tuple(spots),
        needs_review=tuple(review),
        failures=failures,
        options=dict(options or {}),
        steps=(
            propose_steps(analysis, root_args or tuple(str(r) for r in analysis.roots))
            if steps
            else ()
        ),
        # The per-file edits are computed from the analysis alone (no libcst),
        # so the plan names exactly the files apply will rewrite.
        edited_files=tuple(sorted(_rel(str(e.path), base) for e in edits)),
        sources=tuple(
            PlannedFile(module, str(f.source.path), PlannedFile.digest_of(f.source.raw))
            for module, f in sorted(graph.project.files.items())
        ),
        edits=edits,
    )


def _earliest_reasons(analysis: Analysis) -> dict[str, Reason]:
    """For each async function, the first call (in source order) that makes it async."""
    graph, colouring = analysis.graph, analysis.colouring
    reasons: dict[str, Reason] = {}
    for qualname, reason in colouring.async_functions.items():
        if reason.kind == "calls":
            fn = graph.functions[qualname]
            for call in sorted(fn.calls, key=lambda c: (c.span.line, c.span.col)):
                callee = graph.callee_of(call)
                if callee and colouring.is_async(callee) and not call.in_lambda:
                    # A call through an attribute holding a function (kept_callbacks,
                    # kept_methods) is no guess by name.
                    guessed = (qualname, call.span) not in graph.callback_calls
                    reason = Reason(
                        callee,
                        call.span,
                        "calls",
                        by_name=guessed and id(call) in graph.named,
                        held_in=graph.named_through.get(id(call), ""),
                        used_through=graph.flow.used_calls.get(id(call), "") if graph.flow else "",
                    )
                    break
        elif reason.kind == "blocking":
            rewrites = [(c, e) for c, e in graph.blocking[qualname] if e.action.value == "rewrite"]
            call, entry = min(rewrites, key=lambda ce: (ce[0].span.line, ce[0].span.col))
            reason = Reason(entry.name, call.span, "blocking", entry)
        reasons[qualname] = reason
    return reasons


def _dependency_order(analysis: Analysis) -> list[str]:
    """Callees before callers; ties broken by file and line for a stable plan."""
    graph, colouring = analysis.graph, analysis.colouring
    deps: dict[str, set[str]] = {q: set() for q in colouring.async_functions}
    for edge in graph.edges:
        if edge.caller in deps and edge.callee in deps and edge.via != "ref":
            deps[edge.caller].add(edge.callee)

    def key(q: str) -> tuple[str, int]:
        fn = graph.functions[q]
        return (graph.project.facts[fn.module].path, fn.span.line)

    return leaves_first(deps, key)


def _chain(
    qualname: str,
    reasons: dict[str, Reason],
    graph: CallGraph,
    where: Callable[[str, Span | None], Where],
) -> tuple[ChainLink, ...]:
    links: list[ChainLink] = []
    seen: set[str] = set()
    current = qualname
    while current in reasons and current not in seen:
        seen.add(current)
        reason = reasons[current]
        # Handed to a function that awaits it: where that function calls it.
        at = reason.callee if reason.kind in ("handed", "named") else current
        links.append(ChainLink(current, reason.callee, where(at, reason.span)))
        current = reason.callee
    return tuple(links)


def _renamed(qualname: str, colouring: Colouring, reason: str) -> str:
    """``async as acontains because ...``: the name it takes (``close`` -> ``aclose``,
    a dunder's twin)."""
    new = colouring.renamed.get(qualname)
    return reason.replace("async because", f"async as {new} because", 1) if new else reason


def _reason_text(chain: tuple[ChainLink, ...], graph: CallGraph, reason: Reason) -> str:
    if not chain:
        return ""
    first = chain[0]
    at = f"({first.where.path}:{first.where.line})"
    kind = reason.kind
    if kind == "handed":
        parts = [f"is handed to {short_name(first.calls)}, which awaits what it is given {at}"]
    elif reason.by_name and reason.held_in:
        # A guess the reader should know of: only the attribute tells the type.
        held = f"every `{reason.held_in}` holds one"
        parts = [f"calls {short_name(first.calls)} {at}, taken for it as {held}"]
    elif reason.used_through:
        # A guess the reader should know of: only the methods called tell the type.
        used = f"as the methods called through `{reason.used_through}` tell"
        parts = [f"calls {short_name(first.calls)} {at}, taken for it {used}"]
    elif reason.by_name:
        # A guess the reader should know of: the object's type is not known.
        parts = [f"calls {short_name(first.calls)} {at}, taken for it by name"]
    elif kind == "decorated":
        parts = [f"is wrapped by {short_name(first.calls)}, which awaits it {at}"]
    elif kind == "named":
        parts = [f"stands in for {short_name(first.calls)}, which becomes async {at}"]
    else:
        parts = [f"calls {short_name(first.calls)} {at}"]
    for link in chain[1:REASON_LINKS]:
        parts.append(f"which calls {short_name(link.calls)} ({link.where.path}:{link.where.line})")
    if len(chain) > REASON_LINKS:
        parts.append(f"... {chain[-1].calls}")
    verb = "wraps" if first.function.endswith("wrapper") and "." in first.calls else None
    text = "async because it " + ", ".join(parts)
    if verb and graph.functions.get(first.calls):
        text = text.replace("it calls", "it wraps", 1)
    relay = graph.functions.get(first.function)
    if relay is not None and relay.relay:
        # It stays a ``def``: what changes is what it hands back.
        text = text.replace(
            "async because it calls", "hands back an async generator: it returns", 1
        )
    return text


def _kind(fn: Function, graph: CallGraph) -> ConversionKind:
    if fn.framework:
        return fn.framework
    if fn.qualname in graph.wrapped_by:
        return "decorator-wrapper"
    if fn.relay:
        return "relay"
    if fn.is_generator:
        return "generator"
    if fn.class_qualname:
        return "method"
    if fn.parent:
        return "nested-function"
    return "function"


def _gain(spot: Spot, limit: int) -> str:
    """What the spot saves: a sum of latencies against the rounds a bounded gather needs."""
    if not spot.safe:
        return ""
    if spot.workers is not None:
        limit = min(limit, spot.workers)  # as many at once as the legacy thread pool ran
    if not spot.bounded:
        calls = spot.items or len(spot.calls)
        return f"sum of {calls} latencies -> the slowest one (up to {calls}x)"
    if spot.items:
        rounds = math.ceil(spot.items / limit)
        return (
            f"{spot.items} latencies in a row -> {rounds} round{'s' if rounds > 1 else ''}"
            f" of at most {limit} (up to {spot.items / rounds:.0f}x)"
        )
    return f"one latency per item -> one per {limit} items (up to {limit}x)"


def _common_base(roots: tuple[Path, ...]) -> Path | None:
    """Where plan paths start from; None when they are best shown absolute."""
    resolved = [r.resolve() for r in roots] or [Path.cwd()]
    # Inside the current folder, paths open from where the command ran
    # (`migrate plan .` shows `rates.py`, not `project/rates.py`).
    cwd = Path.cwd().resolve()
    if all(r.is_relative_to(cwd) for r in resolved):
        return cwd
    if len(resolved) == 1:
        # Paths start with the root's own name (sample_legacy_app/upstream.py),
        # or are the file's own name when the root is one file.
        base = resolved[0].parent
    else:
        base = Path(os.path.commonpath([r if r.is_dir() else r.parent for r in resolved]))
    # Relative to the filesystem's root, a path reads like one under the current folder.
    return None if base == Path(base.anchor) else base


def _rel(path: str, base: Path | None) -> str:
    # abspath, not resolve: a symlink loop is a failure to show, not to follow.
    absolute = Path(os.path.abspath(path))
    if base is None:
        return absolute.as_posix()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()
