import pytest

from api import Api


@pytest.fixture
def api():
    return Api("http://test")


@pytest.fixture
async def ready(api):
    return (await api.status())["ready"]
