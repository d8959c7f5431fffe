import pytest

from clients import BoundNote, NotesClient

from .conftest import BoundModelTests


class TestBoundNote(BoundModelTests):
    methods = [BoundNote.update, BoundNote.delete]

    @pytest.fixture()
    def resource_client(self):
        return NotesClient()

    @pytest.fixture()
    def bound_model(self, resource_client):
        return BoundNote(resource_client, 7)


@pytest.mark.asyncio
async def test_update_sends_the_title():
    assert await BoundNote(NotesClient(), 7).update(title="seven") == {
        "id": 7,
        "title": "seven",
    }
