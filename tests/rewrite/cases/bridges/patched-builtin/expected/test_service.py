from unittest.mock import mock_open, patch

import httpx
import pytest
import respx

import service
from _async_helpers import unmatched_connect_error


@pytest.mark.asyncio
@respx.mock
async def test_save_writes_the_body():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/doc").mock(
        return_value=httpx.Response(200, text="hello")
    )
    fake = mock_open()
    with patch("service.open", fake):
        assert await service.save("https://api.example.com/doc", "doc.txt") == 5
    fake.assert_called_once_with("doc.txt", "w")
    fake().write.assert_called_once_with("hello")
