import abc
from typing import Iterator, Protocol

import requests


class Backend(abc.ABC):
    @abc.abstractmethod
    def keys(self, prefix: str = "") -> Iterator[str]:
        """Yield every key starting with ``prefix``."""

    def exists(self, key: str) -> bool:
        return any(k == key for k in self.keys(key))


class HttpBackend(Backend):
    def __init__(self, base: str) -> None:
        self.base = base

    def keys(self, prefix: str = "") -> Iterator[str]:
        response = requests.get(f"{self.base}/keys", params={"prefix": prefix}, timeout=5)
        yield from response.json()


def count(backend: Backend) -> int:
    return sum(1 for _ in backend.keys())


class Source(Protocol):
    def page(self, number: int) -> dict: ...


class HttpSource:
    def __init__(self, base: str) -> None:
        self.base = base

    def page(self, number: int) -> dict:
        return requests.get(f"{self.base}/items", params={"page": number}, timeout=5).json()


class StaticSource:
    def page(self, number: int) -> dict:
        return {"items": [number]}


def first_items(source: Source) -> list:
    return source.page(1)["items"]


def http_first_items(base: str) -> list:
    return first_items(HttpSource(base))


def static_first_items() -> list:
    return first_items(StaticSource())


class Report:
    # A page() of its own, taking other parameters: no Source, and no fetch.
    def page(self, title: str, lines: int = 10) -> dict:
        return {"title": title, "lines": lines}


def report_page() -> dict:
    return Report().page("usage")
