"""Tests that fake urllib's ``urlopen`` where the code now sends through httpx.

``monkeypatch.setattr(app.urllib.request, "urlopen", fake)`` (or ``mock.patch``
of it, with the fake given) caught every request the code made with urlopen.
Once MIG012 carries those calls to httpx, the fake catches nothing and the
test reaches the network. The fake moves to where httpx sends from
(``httpx.AsyncClient.send``), through the helpers module's ``urlopen_fake``,
which hands it what urlopen was handed (a urllib ``Request``, or the URL
string when that is what the code passed) and turns what it returns or
raises into httpx's response or error. A patch that makes its own mock
(``mock.patch("app.urlopen") as m``) is configured as a urllib response
the code no longer reads: a review item, not a guess.
"""

from __future__ import annotations

from typing import Literal

from .catalogue import Action
from .decisions import Colouring, Fake, Review
from .graph import CallGraph
from .urllib_shapes import REQUEST, URLOPEN


def urlopen_fakes(graph: CallGraph, result: Colouring) -> None:
    """Fakes of ``urlopen`` (and reviews of its mocks) where urlopen calls move."""
    given = _handed_to_urlopen(graph, result)
    if not given:
        return
    for fn in graph.functions.values():
        for patch in fn.patches:
            # A plain ``urllib.request.urlopen = fake`` has no call to point at httpx.
            if (
                graph.resolve(patch.target or "") != URLOPEN
                or patch.target_span is None
                or patch.assigned
            ):
                continue
            if patch.is_mock or not (patch.fake or patch.wrap or patch.named):
                result.review.append(
                    Review(
                        fn.qualname,
                        patch.span,
                        "a mock of urlopen: the code sends through httpx now, which it does"
                        " not catch; answer with respx routes or a fake function instead",
                    )
                )
                continue
            kind: Literal["request", "url"] = "request" if "request" in given else "url"
            result.fakes.append(
                Fake(
                    fn.qualname,
                    URLOPEN,
                    patch.span,
                    None,
                    urlopen=kind,
                    owner=patch.target_span,
                    urlopen_entered="entered" in given,
                )
            )
            if len(given - {"entered"}) > 1:
                result.review.append(
                    Review(
                        fn.qualname,
                        patch.span,
                        "the code hands urlopen both URLs and Requests; the fake is handed"
                        " a Request each time now",
                    )
                )


def _handed_to_urlopen(graph: CallGraph, result: Colouring) -> set[str]:
    """What the urlopen calls that move to httpx were handed: "request", "url"; and
    "entered" when one is a ``with`` item (its answer is read as entered)."""
    found = set()
    for qualname, calls in graph.blocking.items():
        if not (result.is_async(qualname) or graph.functions[qualname].is_async):
            continue
        for call, entry in calls:
            if entry.name != URLOPEN or entry.action is not Action.REWRITE or call.refusal:
                continue
            built = call.request_span is not None or REQUEST in call.arg_types
            found.add("request" if built else "url")
            if call.with_item:
                found.add("entered")
    return found
