import pytest


@pytest.fixture
def wx(requests_mock):
    """requests-mock's mocker, with the happy path set up."""
    requests_mock.get("http://wx.test/current/oslo", json={"temp": 3})
    return requests_mock
