from unittest import mock

import pytest

from service import Client


@pytest.fixture()
def request_mock() -> mock.AsyncMock:
    return mock.AsyncMock()


@pytest.fixture()
def client(request_mock):
    made = Client("http://api.example.com")
    made._transport.request = request_mock
    return made
