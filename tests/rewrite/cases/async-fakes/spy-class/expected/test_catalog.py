import pytest

from shelf.catalog import Catalog

BASE = "http://shelf.example.com"


class CallCounter:
    """Counts the calls of the function it wraps, and makes them."""

    def __init__(self, func):
        self.func = func
        self.calls = 0

    async def __call__(self, *args, **kwargs):
        self.calls += 1
        return await self.func(*args, **kwargs)


@pytest.mark.asyncio
async def test_titles_fetch_the_list_once():
    catalog = Catalog(BASE)
    catalog._get = CallCounter(catalog._get)
    assert await catalog.titles() == ["Dune", "Emma"]
    assert catalog._get.calls == 1
