import pytest

from api import Api


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: needs the API to be ready")


@pytest.fixture
def api():
    return Api("http://api.example.com")


@pytest.fixture
def ready(api):
    return api.status()["ready"]


@pytest.fixture(scope="module")
def status_at_start():
    return Api("http://api.example.com").status()
