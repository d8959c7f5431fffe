"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from typing import Any

import httpx


def unmatched_connect_error(router: Any) -> None:
    """Have a respx router (or the ``respx`` module, its global one) fail a
    request no other route of it matches with httpx.ConnectError, as responses
    failed one no registration matched with requests' ConnectionError (respx
    raises its AllMockedAssertionError). The route goes in first but answers
    last: a request a route registered after it matches goes on to that route.
    It is none of the test's registrations, so a router asserting they were all
    called skips it. Only tests call this, so respx is imported here, not with
    the module."""
    from respx import Route

    class Unmatched(Route):
        @property
        def called(self) -> bool:
            return True

    def answer(request: httpx.Request, route: Route) -> None:
        others = [other for other in router.routes if other is not route]
        if any(other.pattern.match(request) for other in others):
            return None  # a route registered after this one answers
        sent = f"{request.method} {request.url}"
        raise httpx.ConnectError(
            f"Connection refused: {sent} matches no mock",
            request=request,
        )

    router.add(Unmatched().mock(side_effect=answer))
