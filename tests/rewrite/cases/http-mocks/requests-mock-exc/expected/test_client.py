import httpx
import pytest

from client import fetch

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_connect_timeout(respx_mock):
    respx_mock.get(URL).mock(side_effect=httpx.ConnectTimeout)
    with pytest.raises(httpx.ConnectTimeout):
        await fetch(URL)


@pytest.mark.asyncio
async def test_connection_error(respx_mock):
    respx_mock.get(URL).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await fetch(URL)


@pytest.mark.asyncio
async def test_read_timeout(respx_mock):
    respx_mock.get(URL).mock(side_effect=httpx.ReadTimeout)
    with pytest.raises(httpx.TimeoutException):
        await fetch(URL)


@pytest.mark.asyncio
async def test_other_exception(respx_mock):
    respx_mock.get(URL).mock(side_effect=ValueError("bad"))
    with pytest.raises(ValueError):
        await fetch(URL)
