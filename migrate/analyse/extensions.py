"""What stays on requests because the project extends requests itself.

A project class deriving from ``requests.Session``, ``requests.auth.AuthBase``
or an adapter (or from a class of the ``requests_*`` family, such as
requests_oauthlib's sessions) is no httpx object: the calls made in it,
handed one of it, or sending a request requests prepared stay on requests
(see :meth:`CallGraph.keeps_requests`). The plan names each, with what the
class would be ported to by hand.
"""

from __future__ import annotations

from .decisions import Review
from .frameworks import port_to
from .graph import CallGraph


def requests_extension_reviews(graph: CallGraph) -> list[Review]:
    """What stays on requests because the project extends it: the plan says so."""
    reviews = []
    for qualname, kept in graph.kept.items():
        for call, why in kept:
            reviews.append(Review(qualname, call.span, why))
    for module, facts in graph.project.facts.items():
        for cls, span in facts.class_spans.items():
            extended = graph.requests_extension(cls)
            if extended is None or extended == cls:
                continue
            refusal = graph.auth_refusals.get(cls)
            if refusal is not None:
                reviews.append(
                    Review(
                        f"{module}.<module>",
                        span,
                        f"{cls.rsplit('.', 1)[-1]} stays a requests auth: {refusal};"
                        " it, and the calls handed it, stay on requests",
                    )
                )
                continue
            refusal = graph.subclass_refusals.get(cls)
            if refusal is not None:
                reviews.append(
                    Review(
                        f"{module}.<module>",
                        span,
                        f"{cls.rsplit('.', 1)[-1]} stays a requests.Session subclass: {refusal};"
                        " it, and the calls made through it, stay on requests",
                    )
                )
                continue
            reviews.append(
                Review(
                    f"{module}.<module>",
                    span,
                    f"{cls.rsplit('.', 1)[-1]} extends {extended}: it, and the calls made"
                    " through it, stay on requests (httpx has no such class; port it to"
                    f" {port_to(extended)} by hand)",
                )
            )
    return reviews
