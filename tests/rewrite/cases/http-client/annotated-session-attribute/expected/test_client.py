import pytest

from client import project_name, project_name_with_own_session


@pytest.mark.asyncio
async def test_project_name():
    assert await project_name(1) == "toolkit"
    assert await project_name_with_own_session(1) == "toolkit"


@pytest.mark.asyncio
async def test_missing_project():
    with pytest.raises(LookupError, match="Not Found"):
        await project_name(2)
