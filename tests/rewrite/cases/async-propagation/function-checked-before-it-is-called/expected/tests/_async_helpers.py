"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx


def answers_in_turn(*answers: Any) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect that answers as a requests-mock response list does:
    one answer per request, in turn, and the last one again for every request
    after (a respx list is used up). An answer is an httpx.Response, an
    exception (or its class) to raise, or a side effect to call with the
    request."""
    pending = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        effect = pending.pop(0) if len(pending) > 1 else pending[0]
        if isinstance(effect, type) and issubclass(effect, httpx.RequestError):
            raise effect("Mock Error", request=request)
        if isinstance(effect, (BaseException, type)):
            raise effect
        if callable(effect):
            return effect(request)
        return effect

    return answer


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
