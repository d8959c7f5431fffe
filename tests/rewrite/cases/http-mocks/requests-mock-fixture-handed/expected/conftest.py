import httpx
import pytest


@pytest.fixture
def wx(respx_mock):
    """requests-mock's mocker, with the happy path set up."""
    respx_mock.get("http://wx.test/current/oslo").mock(
        return_value=httpx.Response(200, json={"temp": 3})
    )
    return respx_mock
