import pytest
import pytest_asyncio

from api import Api


@pytest.fixture
def api():
    return Api("http://test")


@pytest_asyncio.fixture
async def ready(api):
    return (await api.status())["ready"]
