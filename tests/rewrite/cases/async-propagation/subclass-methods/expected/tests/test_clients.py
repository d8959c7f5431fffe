from unittest import mock

import pytest

from clients import BoundModel, NotesClient, ResourceClient, TagsClient, describe


@pytest.fixture(params=[NotesClient, TagsClient])
def client(request):
    return request.param()


@pytest.mark.asyncio
async def test_first(client: ResourceClient):
    found = await client.first([7])
    assert found.data["id"] == 7


@pytest.mark.asyncio
async def test_first_of_none(client: ResourceClient):
    assert await client.first([]) is None


@pytest.mark.asyncio
async def test_reload_through_base(client: ResourceClient):
    model = BoundModel(client, {"id": 7})
    assert (await model.reload())["id"] == 7
    assert model.data == {"id": 7, **model.data}


@pytest.mark.asyncio
async def test_describe():
    assert await describe(await TagsClient().get_by_id(7)) == "tag seven"
    assert await describe(await NotesClient().get_by_id(7)) == "note Seven"
