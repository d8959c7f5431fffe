import pytest

import shop

URL = "https://shop.example.com/api"
CLIENTS = {}


def client_for(url):
    return CLIENTS.setdefault(url, shop.Api(url, token="t0k"))


@pytest.fixture
def client():
    return client_for(URL)
