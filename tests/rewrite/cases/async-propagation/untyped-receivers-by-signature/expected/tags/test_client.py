import pytest

from tags.client import Server, TagDiff, changes


@pytest.mark.asyncio
@pytest.mark.parametrize("kind, item_id", [("workbooks", "w1"), ("views", "v1")])
async def test_update_tags_by_kind(kind, item_id):
    endpoint = getattr(Server("http://tags.example.com"), kind)
    assert await endpoint.update_tags({"id": item_id, "tags": ["green"]})


def test_changes():
    assert changes(TagDiff(), ["a", "b"], {"tags": ["b", "c"]}) == (["c"], ["a"])
