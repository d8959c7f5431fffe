"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from unittest import mock

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
TLS_CONTEXT = httpx.create_ssl_context()


class AsyncItemsPropertyMock(mock.PropertyMock):
    """A PropertyMock for a property that gives an async generator now: reading it
    gives the items its ``return_value`` lists, as an async iterator."""

    def __get__(self, obj: object, obj_type: type | None = None) -> AsyncIterator[Any]:
        given = self()

        async def items() -> AsyncIterator[Any]:
            for item in given:
                yield item

        return items()
