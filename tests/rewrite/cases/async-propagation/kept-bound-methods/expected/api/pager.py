from functools import partial

from ._async_helpers import block_on, collect


class Pager:
    """Walks the pages an endpoint's ``get`` returns, fetching each one on demand."""

    def __init__(self, endpoint, **options):
        endpoint = partial(endpoint.get, **options)
        self._fetch = endpoint

    async def __aiter__(self):
        page = 1
        while True:
            items, more = await self._fetch(page)
            for item in items:
                yield item
            if not more:
                return
            page += 1

    def __iter__(self):
        return iter(block_on(collect(self.__aiter__())))


class Counter:
    """Counts what a listing holds, through the method it was handed."""

    def __init__(self, users):
        self._count = users.count

    async def total(self):
        return await self._count()
