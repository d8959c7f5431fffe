import pytest


@pytest.mark.asyncio
async def test_list_badges(project):
    assert [badge.name for badge in await project.badges.list()] == ["ci"]


@pytest.mark.asyncio
async def test_delete_badge(project):
    badge = await project.badges.get(7, lazy=True)
    assert await badge.delete() is None
