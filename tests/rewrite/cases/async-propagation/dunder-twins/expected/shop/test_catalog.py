import pytest

from shop.catalog import Catalog, first_price, prices, restock, summary

BASE = "http://shop.example.com"


@pytest.mark.asyncio
async def test_membership_and_size():
    catalog = Catalog(BASE)
    assert await catalog.acontains("tea")
    assert not await catalog.acontains("cake")
    assert await catalog.alen() == 2


@pytest.mark.asyncio
async def test_set_and_delete():
    catalog = Catalog(BASE)
    await catalog.asetitem("cake", 4)
    await catalog.adelitem("tea")
    with pytest.raises(KeyError):
        await catalog.adelitem("cake")


@pytest.mark.asyncio
async def test_restock():
    assert await restock(BASE, ["tea", "cake"]) == (["cake"], 2)


@pytest.mark.asyncio
async def test_summary():
    assert await summary(Catalog(BASE)) == {"size": 2, "has_tea": True}


@pytest.mark.asyncio
async def test_items_fetched_as_they_are_iterated():
    assert await first_price(BASE) == 3
    assert await prices(Catalog(BASE)) == [3, 5]
