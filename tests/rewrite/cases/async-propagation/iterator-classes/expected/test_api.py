import unittest
from unittest import mock

import pytest

from _async_helpers import async_items
from wiki.api import Reader
from wiki.listing import Listing
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

    async def test_a_load_past_the_end_ends_the_listing(self):
        listing = Listing(Site(), "gone")
        with self.assertRaises(StopAsyncIteration):
            await listing.load()


@pytest.mark.asyncio
async def test_a_load_past_the_end_ends_the_listing():
    listing = Listing(Site(), "gone")
    with pytest.raises(StopAsyncIteration):
        await listing.load()
