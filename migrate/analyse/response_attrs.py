"""Responses kept on an instance: ``self.response = response`` in an exception,
``self.request = requests.get(url)`` in a client.

``raise ServerError(msg, response)``, whose base keeps ``self.response =
response`` and reads ``self.response.reason`` in ``__str__``: client
libraries' errors carry the response that failed; a client may keep its
last response to read its headers in other methods (``self.request.headers``,
``self.request.url``). Where every value the attribute is ever given is a
parameter handed httpx's responses only (see responses), or the response of
a call that moves to httpx, the attribute holds httpx's too: each method of
its class, or of a subclass, reading ``self.<attr>.<name>`` gets the fixes a
parameter so handed gets (``.reason`` -> ``.reason_phrase``, ``.url`` ->
``str(...)``), and so does the wrapper (``def wrapped(self, *args)``) of a
decorator the project puts on those methods only. An attribute also given
anything else (requests' responses, a value the analysis cannot trace) is
left as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from .graph import CallGraph
from .model import PARAM_PREFIX, Function
from .responses import ResponseParam, Verdict


def response_attributes(
    graph: CallGraph, params: list[ResponseParam], moved: Callable[[Function, str], bool]
) -> list[tuple[str, str, Verdict]]:
    """(method, ``self.<attr>``, "httpx") for each method reading an attribute that
    only ever holds httpx's responses; ``moved(fn, text)``: whether every call
    ``text`` in ``fn`` moves from requests to httpx."""
    verdicts = {(p.function, p.param): p.verdict for p in params}
    given: dict[tuple[str, str], set[str | None]] = {}
    for one in graph.self_assigned():
        held = (one.held or "").removeprefix(PARAM_PREFIX)
        verdict = None
        if one.held and one.held.startswith(PARAM_PREFIX) and "." not in held:
            verdict = verdicts.get((one.fn.qualname, held))
        elif one.held and one.held.endswith("()") and moved(one.fn, one.held[:-2]):
            verdict = "httpx"  # ``self.request = requests.get(url)``
        owner = graph.attr_owner(one.fn.class_qualname or "", one.attr)
        given.setdefault((owner, one.attr), set()).add(verdict)
    found: list[tuple[str, str, Verdict]] = []
    for (owner, attr), kinds in sorted(given.items()):
        if kinds != {"httpx"}:
            continue
        classes = {owner, *graph.subclasses(owner)}
        readers = [fn for fn in graph.functions.values() if fn.class_qualname in classes]
        for fn in [*readers, *_wrappers(graph, classes)]:
            if any(read.text.startswith(f"self.{attr}.") for read in (*fn.reads, *fn.calls)):
                found.append((fn.qualname, f"self.{attr}", "httpx"))
    return found


def _wrappers(graph: CallGraph, classes: set[str]) -> list[Function]:
    """The wrappers (``def wrapped(self, *args)``) of the project's decorators that
    decorate methods of ``classes`` only: their ``self`` is an instance of one."""
    decorating: dict[str, bool] = {}
    for fn in graph.functions.values():
        for decorator in fn.decorators:
            target = graph.resolve(decorator.target) if decorator.target else None
            if target in graph.functions:
                mine = fn.class_qualname in classes
                decorating[target] = decorating.get(target, True) and mine
    return [
        fn
        for name, fn in graph.functions.items()
        if fn.params[:1] == ("self",)
        and not fn.class_qualname
        and any(name.startswith(f"{d}.") for d, mine in decorating.items() if mine)
    ]
