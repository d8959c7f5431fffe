"""Parameters a caller may give None: ``fetch(None)``, or a caller's own
parameter that may be None handed on (``def load(sort=None): return
fetch(sort)``), across functions and modules.

requests leaves a None value out of ``params=`` and ``data=`` and a None
header out of the request; httpx sends ``sort=`` or fails. The rewrite sees a
function's own defaults (``sort=None``); these are the parameters that may be
None by what their callers hand in, so their values go through the same
helpers (``requests_values(...)``, see rules/http_kwargs.py).
"""

from __future__ import annotations

from .given import given
from .graph import CallGraph
from .model import PARAM_PREFIX, Call, Function


def none_given(graph: CallGraph) -> dict[str, frozenset[str]]:
    """Function -> its parameters some call gives None (a literal, or a parameter of
    the caller's that may be None)."""
    flow = graph.flow
    if flow is None:
        return {}
    found: dict[str, set[str]] = {}
    changed = True
    while changed:  # each set only grows: this ends
        changed = False
        for callee, sites in flow.sites.items():
            fn = graph.functions[callee]
            known = found.setdefault(callee, set())
            for caller, call, offset in sites:
                maybe = {*caller.none_defaults, *found.get(caller.qualname, ())}
                for param in fn.params[offset:]:
                    if param not in known and _gives_none(fn, call, offset, param, caller, maybe):
                        known.add(param)
                        changed = True
    return {qualname: frozenset(params) for qualname, params in found.items() if params}


def _gives_none(
    fn: Function, call: Call, offset: int, param: str, caller: Function, maybe: set[str]
) -> bool:
    given_none = {slot for slot, kind in call.sessions_given if kind == "none"}
    index = fn.params.index(param)
    if param in given_none or (index < fn.positional and str(index - offset) in given_none):
        return True
    held = given(fn, call, offset, param, caller) or ""
    name = held.removeprefix(PARAM_PREFIX)
    return held.startswith(PARAM_PREFIX) and "." not in name and name in maybe
