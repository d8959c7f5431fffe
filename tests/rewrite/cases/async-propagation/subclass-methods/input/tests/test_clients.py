from unittest import mock

import pytest

from clients import BoundModel, NotesClient, ResourceClient, TagsClient, describe


@pytest.fixture(params=[NotesClient, TagsClient])
def client(request):
    return request.param()


def test_first(client: ResourceClient):
    found = client.first([7])
    assert found.data["id"] == 7


def test_first_of_none(client: ResourceClient):
    assert client.first([]) is None


def test_reload_through_base(client: ResourceClient):
    model = BoundModel(client, {"id": 7})
    assert model.reload()["id"] == 7
    assert model.data == {"id": 7, **model.data}


def test_describe():
    assert describe(TagsClient().get_by_id(7)) == "tag seven"
    assert describe(NotesClient().get_by_id(7)) == "note Seven"
