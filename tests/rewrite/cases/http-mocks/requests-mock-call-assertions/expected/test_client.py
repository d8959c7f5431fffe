import json
from urllib.parse import parse_qs

import httpx
import pytest

from client import fetch, send

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_history(respx_mock):
    adapter = respx_mock.post(URL).mock(return_value=httpx.Response(201))
    assert await send(URL + "?Page=2&q=", {"a": 1}) == 201
    assert adapter.called
    assert adapter.call_count == 1
    assert adapter.call_count == 1
    assert json.loads(adapter.calls.last.request.content) == {"a": 1}
    assert adapter.calls.last.request.headers["X-Token"] == "t"
    assert respx_mock.calls.last.request.method == "POST"
    assert respx_mock.calls.last.request.url == URL + "?Page=2&q="
    assert parse_qs(
        respx_mock.calls.last.request.url.query.decode().lower(), keep_blank_values=True
    ) == {"page": ["2"], "q": [""]}
    assert respx_mock.calls.last.request.url.path.lower() == "/items"
    assert json.loads(respx_mock.calls.last.request.content.decode()) == {"a": 1}
    assert len(respx_mock.calls) == 1
    assert respx_mock.calls[0].request.method == "POST"
    first = respx_mock.calls[0].request
    assert first.url.host == "api.test"
    assert [r.method for r in [call.request for call in respx_mock.calls]] == ["POST"]
    for request in [call.request for call in adapter.calls]:
        assert request.content
    respx_mock.reset()
