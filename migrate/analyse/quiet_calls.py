"""Which calls of a function are of the project's functions that change nothing.

The fan-out analysis works on one function's ``ast`` and knows only what the
call graph hands it; a loop body run per item may call ``to_card(info)``
imported from another module, or ``self._label(x)``: this follows each call
through the graph to its source (:func:`.gathers.quiet.quiet_function`).
"""

from __future__ import annotations

import ast

from .gathers.model import span_of
from .gathers.quiet import QuietCalls, quiet_function
from .graph import CallGraph
from .model import Function
from .project import function_node


def quiet_calls(
    fn: Function, graph: CallGraph, trees: dict[str, ast.Module], known: dict[str, bool]
) -> QuietCalls:
    """Whether a call of ``fn`` is of one of the project's functions that changes
    nothing its callers see (followed through the call graph, each judged once;
    one being judged counts as not quiet, so recursion ends)."""
    targets = {call.span: call.target for call in fn.calls if call.target}

    def judge(call: ast.Call) -> bool | None:
        target = targets.get(span_of(call))
        callee = graph.functions.get(target) if target is not None else None
        if callee is None or target is None:
            return None
        if target not in known:
            known[target] = False
            node = function_node(callee, graph.project, trees)
            known[target] = node is not None and quiet_function(
                node, quiet_calls(callee, graph, trees, known)
            )
        return known[target]

    return judge
