import unittest
from unittest import mock

from _async_helpers import async_items
from wiki.api import Reader
from wiki.site import Site


class TestReader(unittest.IsolatedAsyncioTestCase):
    async def test_first(self):
        assert await Reader(Site()).first() == "A"

    async def test_first_of_none(self):
        reader = Reader(Site())
        reader.titles = mock.Mock(return_value=async_items(iter([])))
        assert await reader.first() is None
        assert await reader.first() is None
        assert reader.titles.call_count == 2
