import abc
from collections.abc import AsyncIterator
from typing import Protocol

import httpx

from _async_helpers import TLS_CONTEXT, aany


class Backend(abc.ABC):
    @abc.abstractmethod
    def keys(self, prefix: str = "") -> AsyncIterator[str]:
        """Yield every key starting with ``prefix``."""

    async def exists(self, key: str) -> bool:
        return await aany(k == key async for k in self.keys(key))


class HttpBackend(Backend):
    def __init__(self, base: str) -> None:
        self.base = base

    async def keys(self, prefix: str = "") -> AsyncIterator[str]:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(
                f"{self.base}/keys", params={"prefix": prefix}, timeout=5
            )
        for item in response.json():
            yield item


async def count(backend: Backend) -> int:
    return sum([1 async for _ in backend.keys()])


class Source(Protocol):
    async def page(self, number: int) -> dict: ...


class HttpSource:
    def __init__(self, base: str) -> None:
        self.base = base

    async def page(self, number: int) -> dict:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(
                    f"{self.base}/items", params={"page": number}, timeout=5
                )
            ).json()


class StaticSource:
    async def page(self, number: int) -> dict:
        return {"items": [number]}


async def first_items(source: Source) -> list:
    return (await source.page(1))["items"]


async def http_first_items(base: str) -> list:
    return await first_items(HttpSource(base))


async def static_first_items() -> list:
    return await first_items(StaticSource())


class Report:
    # A page() of its own, taking other parameters: no Source, and no fetch.
    def page(self, title: str, lines: int = 10) -> dict:
        return {"title": title, "lines": lines}


def report_page() -> dict:
    return Report().page("usage")
