"""Test clocks set by assignment: ``time.sleep = clock.sleep``.

Where the code now awaits ``asyncio.sleep``, a clock patched in by plain
assignment (saved first, put back after: ``saved = {"sleep": time.sleep}``,
``time.sleep = saved["sleep"]``) moves to asyncio with it (see fakes). The
tests' reads of ``time.sleep`` as a value are the original saved to be put
back, or checked to be back: they name asyncio's too, and are no value the
code calls through (see values.value_uses).
"""

from __future__ import annotations

from .graph import CallGraph
from .model import Span

SLEEP = "time.sleep"


def clock_modules(graph: CallGraph) -> set[str]:
    """The modules putting a function in place of ``time.sleep`` by assignment (test
    helpers, whatever their names: ``test/_common.py``)."""
    return {
        fn.module
        for fn in graph.functions.values()
        for patch in fn.patches
        if patch.assigned and graph.resolve(patch.target) == SLEEP
    }


def clock_reads(graph: CallGraph) -> list[tuple[str, Span, Span]]:
    """Reads of ``time.sleep`` as a value where a clock is set by assignment, and in
    the tests beside it: each one's function, span and owner (``time``) span."""
    modules = clock_modules(graph)
    if not modules:
        return []
    found = []
    for fn in graph.functions.values():
        if fn.module not in modules and not graph.project.facts[fn.module].is_test_file:
            continue
        for read in fn.reads:
            if read.awaited or read.target is None or graph.resolve(read.target) != SLEEP:
                continue
            owner, dot, attr = read.text.rpartition(".")
            span = read.span
            # As written on one line (``time.sleep``, not ``time . sleep``).
            spelt = span.line == span.end_line and span.end_col - span.col == len(read.text)
            if dot and attr == "sleep" and spelt:
                owner_span = Span(span.line, span.col, span.end_line, span.col + len(owner))
                found.append((fn.qualname, span, owner_span))
    return found
