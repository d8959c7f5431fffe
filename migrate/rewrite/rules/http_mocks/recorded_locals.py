"""Locals holding what responses recorded: ``req = responses.calls[0].request``.

responses records requests' requests, whose ``.url`` is a string and whose
body is ``.body``; respx records httpx's, whose ``.url`` is an ``httpx.URL``
and whose body is ``.content``. The fixes made to ``responses.calls[0].request.url``
apply as well to a local bound to a recorded call (``call =
responses.calls[0]``, ``for call in responses.calls:``) or request (``req =
call.request``), read further on in the same function.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ...nodes import code_of


def recorded_locals(node: cst.FunctionDef, calls: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The locals of ``node`` bound to a recorded call, and to a recorded request, of
    the routers whose ``.calls`` are ``calls`` (in the order they are bound)."""
    held_calls: set[str] = set()
    held_requests: set[str] = set()
    for found in m.findall(
        node.body, m.Assign(targets=[m.AssignTarget(target=m.Name())]) | m.For(target=m.Name())
    ):
        if isinstance(found, cst.Assign):
            name = cst.ensure_type(found.targets[0].target, cst.Name).value
            value = code_of(found.value)
            base, _, attr = value.rpartition(".")
            if _is_call(value, calls, held_calls):
                held_calls.add(name)
            elif attr == "request" and _is_call(base, calls, held_calls):
                held_requests.add(name)
        elif isinstance(found, cst.For) and code_of(found.iter) in calls:
            held_calls.add(cst.ensure_type(found.target, cst.Name).value)
    return held_calls, held_requests


def _is_call(text: str, calls: tuple[str, ...], held: set[str]) -> bool:
    """``responses.calls[0]``, ``responses.calls[-1]``, or a local holding one."""
    return text in held or any(
        text.startswith(f"{router}[") and text.endswith("]") for router in calls
    )
