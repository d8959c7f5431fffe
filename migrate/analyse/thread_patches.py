"""Tests that patch ``threading.Thread`` where the migrated code needs threads.

``patch("threading.Thread")`` (often an autouse fixture keeping a library's
monitor thread from starting) replaces every thread the process starts
afterwards, and asgiref's bridges and ``asyncio.to_thread`` run their calls
on threads: a test reaching one would wait forever for a thread that never
runs. The patch cannot be narrowed by an edit (``threading.Thread`` is one
attribute of one module, whoever reads it), so the plan names it.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph

THREAD_CLASSES = frozenset({"threading.Thread", "threading.Timer"})
# Code that runs for many tests: a patch there holds for tests that reach a bridge.
SETUPS = frozenset(
    {"setUp", "setUpClass", "setup_method", "setup_class", "setup_module", "setup_function"}
)

REASON = (
    "this patches {target} for the tests it runs, and the migrated code runs its"
    " bridges (asgiref's sync_to_async/async_to_sync, asyncio.to_thread) on threads,"
    " which would never start: patch the thread the code under test starts instead"
    " (its module's attribute, or the method that starts it)"
)


def thread_patch_reviews(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """A review for each patch of ``threading.Thread`` a fixture or a set-up method
    makes (a test's own holds for that test alone), where the plan writes a bridge
    or an offload."""
    if not (colouring.bridges or colouring.offloads):
        return []
    reviews = []
    for fn in graph.functions.values():
        shared = fn.framework == "pytest-fixture" or fn.name in SETUPS
        if not shared or not graph.project.facts[fn.module].is_test_file:
            continue
        for patch in fn.patches:
            target = graph.resolve(patch.target) if patch.target else None
            if target in THREAD_CLASSES:
                reviews.append(Review(fn.qualname, patch.span, REASON.format(target=target)))
    return reviews
