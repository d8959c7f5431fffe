"""Responses kept on an instance: ``self.response = response`` in an exception.

``raise ServerError(msg, response)``, whose base keeps ``self.response =
response`` and reads ``self.response.reason`` in ``__str__``: client
libraries' errors carry the response that failed. Where every value the
attribute is ever given is a parameter handed httpx's responses only (see
responses), the attribute holds httpx's too: each method of its class, or of
a subclass, reading ``self.<attr>.<name>`` gets the fixes a parameter so
handed gets (``.reason`` -> ``.reason_phrase``). An attribute also given
anything else (requests' responses, a value the analysis cannot trace) is
left as it was.
"""

from __future__ import annotations

from .graph import CallGraph
from .model import PARAM_PREFIX
from .responses import ResponseParam, Verdict


def response_attributes(
    graph: CallGraph, params: list[ResponseParam]
) -> list[tuple[str, str, Verdict]]:
    """(method, ``self.<attr>``, "httpx") for each method reading an attribute that
    only ever holds httpx's responses."""
    verdicts = {(p.function, p.param): p.verdict for p in params}
    given: dict[tuple[str, str], set[str | None]] = {}
    for one in graph.self_assigned():
        held = (one.held or "").removeprefix(PARAM_PREFIX)
        verdict = None
        if one.held and one.held.startswith(PARAM_PREFIX) and "." not in held:
            verdict = verdicts.get((one.fn.qualname, held))
        owner = graph.attr_owner(one.fn.class_qualname or "", one.attr)
        given.setdefault((owner, one.attr), set()).add(verdict)
    found: list[tuple[str, str, Verdict]] = []
    for (owner, attr), kinds in sorted(given.items()):
        if kinds != {"httpx"}:
            continue
        classes = {owner, *graph.subclasses(owner)}
        for fn in graph.functions.values():
            if fn.class_qualname in classes and any(
                read.text.startswith(f"self.{attr}.") for read in (*fn.reads, *fn.calls)
            ):
                found.append((fn.qualname, f"self.{attr}", "httpx"))
    return found
