import pytest

from api import Api


@pytest.fixture
def api():
    return Api("http://test")


@pytest.fixture
def ready(api):
    return api.status()["ready"]
