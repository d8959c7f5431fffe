import pytest


@pytest.mark.asyncio
async def test_get(client):
    assert (await client.products.get(1))["name"] == "pen"


@pytest.mark.asyncio
async def test_order_of_a_missing_product(client):
    with pytest.raises(Exception):
        await client.orders.get(9)
