from typing import Generic, TypeVar

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

T = TypeVar("T")
API = "http://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


class Bound(Generic[T]):
    def __init__(self, data):
        self.data = data

    async def _get_self(self):
        return type(self)(dict(self.data))

    async def reload(self):
        self.data = (await self._get_self()).data
        return self.data


class BoundRecord(Bound[dict]):
    async def _get_self(self):
        return BoundRecord(
            (await session.get(f"{API}/records/{self.data['id']}")).json()
        )


class BoundNote(Bound):
    async def _get_self(self):
        return BoundNote({**self.data, "fresh": True})
