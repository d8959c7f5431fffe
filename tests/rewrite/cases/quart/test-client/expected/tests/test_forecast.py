import pytest


@pytest.mark.asyncio
async def test_forecast(client):
    response = await client.get("/forecast?city=Oslo")
    assert response.status_code == 200
    assert await response.get_json() == {"city": "Oslo"}
    assert b"Oslo" in await response.get_data()


@pytest.mark.asyncio
async def test_status_only(client):
    assert (await client.get("/forecast")).status_code == 200
