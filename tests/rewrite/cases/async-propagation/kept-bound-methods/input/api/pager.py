from functools import partial


class Pager:
    """Walks the pages an endpoint's ``get`` returns, fetching each one on demand."""

    def __init__(self, endpoint, **options):
        endpoint = partial(endpoint.get, **options)
        self._fetch = endpoint

    def __iter__(self):
        page = 1
        while True:
            items, more = self._fetch(page)
            yield from items
            if not more:
                return
            page += 1


class Counter:
    """Counts what a listing holds, through the method it was handed."""

    def __init__(self, users):
        self._count = users.count

    def total(self):
        return self._count()
