from unittest import mock

import pytest

import health

URL = "https://svc.example.com/health"


@pytest.mark.asyncio
async def test_up():
    with mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock()) as get:
        get.return_value.is_error = False
        assert await health.status_text(URL) == "UP"


@pytest.mark.asyncio
async def test_down():
    with mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock()) as get:
        get.return_value.is_error = True
        get.return_value.status_code = 503
        assert await health.status_text(URL) == "DOWN (503)"
