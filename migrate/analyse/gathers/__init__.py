"""Fan-outs in one function: which awaits can run together, and how to rewrite them.

This is the only place fan-outs are recognised. It works on the stdlib ``ast``
of a function that is (or becomes) async, knowing which of its calls become
awaits, and decides with data flow (:mod:`migrate.analyse.dataflow`):

* a ``for`` loop that fetches once per item is split in two (loop fission):
  one bounded gather over the items, then the rest of the body over
  ``zip(items, results)``, in the original order;
* a comprehension (or a generator expression handed to ``list``, ``sum``,
  ``"".join``...) whose element fetches becomes a gather, the element then
  built from each result;
* independent awaits in one block, separated or not by unrelated statements,
  become one gather before the first of them.

Each safe spot carries a :class:`GatherEdit` that says exactly what the
rewrite does, in source positions; the rewrite never looks for shapes itself.
Every spot that stays sequential says why, and what would make it safe.
"""

from __future__ import annotations

import ast

from .. import dataflow
from ..model import Span
from .bodies import item_worker
from .calls import CallScan
from .comprehensions import ComprehensionScan
from .loops import LoopScan
from .model import REWRITE_IMPORTS, Awaited, Finding, Form, GatherEdit, Pairing, span_of
from .syntax import unmapped

__all__ = ["Awaited", "Finding", "Form", "FunctionFanOuts", "GatherEdit", "Pairing"]


class FunctionFanOuts(LoopScan, ComprehensionScan, CallScan):
    """Finds the fan-outs of one function: comprehensions, then loops, then blocks."""

    def run(self) -> list[Finding]:
        if item_worker(self.node, self.module):
            return []  # a loop's body per item, gathered by its caller
        self.node = unmapped(self.node, self.module)
        self._taken = {n.id for n in ast.walk(self.node) if isinstance(n, ast.Name)} | {
            a.arg for a in ast.walk(self.node) if isinstance(a, ast.arg)
        }
        self._taken.add(self.node.name)  # a name of its own would hide the function
        # Modules the rewrite may come to use here (``except json.JSONDecodeError``
        # where requests' exception was caught): ``for json in jsons`` would hide them.
        self._taken |= REWRITE_IMPORTS
        parents: dict[int, ast.AST] = {}
        for parent in dataflow.walk_local(self.node):
            for child in ast.iter_child_nodes(parent):
                parents[id(child)] = parent
        self._parents = parents
        called: set[Span] = set()
        for sub in dataflow.walk_local(self.node):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Call):
                bridge = self.awaited.get(span_of(sub.func))
                if bridge is not None and bridge.unwound:
                    called.add(span_of(sub))
                    del self.awaited[span_of(sub.func)]
                    self.awaited[span_of(sub)] = bridge
        for span, bridge in list(self.awaited.items()):
            if bridge.unwound and span not in called:
                # ``pool.submit(async_to_sync(f), x)``: f handed over, not called here.
                del self.awaited[span]
        self._quiet = frozenset(
            id(n)
            for n in dataflow.walk_local(self.node)
            if isinstance(n, ast.Call)
            and span_of(n) in self.awaited
            and not self.awaited[span_of(n)].changes_receiver
        )
        nodes = sorted(
            (n for n in dataflow.walk_local(self.node) if n is not self.node),
            key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)),
        )
        for sub in nodes:
            if isinstance(sub, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                self._comprehension(sub)
        for sub in nodes:
            if isinstance(sub, ast.For):
                self._loop(sub)
            elif isinstance(sub, ast.While):
                self._while(sub)
        for block in self._blocks(self.node.body):
            self._calls(block)
        return self.findings
