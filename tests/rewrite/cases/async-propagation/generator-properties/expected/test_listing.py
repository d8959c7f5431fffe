from unittest.mock import patch

import pytest

import listing
from _async_helpers import AsyncItemsPropertyMock

BASE = "http://api.example.com"


@pytest.mark.asyncio
async def test_first_two_stops_after_the_first_page():
    assert await listing.first_two(listing.Catalog(BASE)) == ["tea", "jam"]


@pytest.mark.asyncio
async def test_names_of_a_faked_catalog():
    with patch.object(
        listing.Catalog, "items", new_callable=AsyncItemsPropertyMock
    ) as items:
        items.return_value = [{"name": "salt"}]
        assert await listing.all_names(listing.Catalog(BASE)) == ["salt"]
    items.assert_called_once_with()
