"""Annotated with requests' types: the annotations follow the values."""

from typing import Optional

import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Ledger:
    http: httpx.AsyncClient

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http = AsyncClientPerLoop(_new_http)

    async def entry(self, number: int) -> httpx.Response:
        resp: httpx.Response = await self.http.get(f"{self.base_url}/entries/{number}")
        if resp.is_error:
            resp.raise_for_status()
        return resp

    async def balance(self, number: int) -> float:
        return (await self.entry(number)).json()["balance"]


async def lookup(session: httpx.AsyncClient, url: str) -> "httpx.Response":
    return await session.get(url, timeout=5)


def open_ledger(base_url: str) -> Optional[Ledger]:
    return Ledger(base_url) if base_url else None
