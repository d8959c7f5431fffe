import copy
from typing import Generic, TypeVar

from typing_extensions import Self

T = TypeVar("T")


class Query(Generic[T]):
    """Items of an endpoint, sorted as asked, fetched when one is read."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.sort = "id"

    def order_by(self, field: str) -> Self:
        ordered = copy.copy(self)
        ordered.sort = field
        return ordered

    async def __getitem__(self, index):
        return (await self.endpoint.fetch(self.sort))[index]
