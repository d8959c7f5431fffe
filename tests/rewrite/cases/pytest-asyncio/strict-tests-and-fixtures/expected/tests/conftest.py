import pytest
import pytest_asyncio

from api import Api


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: needs the API to be ready")


@pytest.fixture
def api():
    return Api("http://api.example.com")


@pytest_asyncio.fixture
async def ready(api):
    return (await api.status())["ready"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def status_at_start():
    return await Api("http://api.example.com").status()
