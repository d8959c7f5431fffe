import json

import httpx
import pytest
import respx

from client import fetch, send

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_fetch():
    with respx.mock(assert_all_called=False) as m:
        m.get(URL).mock(return_value=httpx.Response(200, json={"id": 1}))
        assert await fetch(URL) == {"id": 1}
        assert m.calls.called
        assert m.calls.call_count == 1


@pytest.mark.asyncio
async def test_send():
    with respx.mock(assert_all_called=False) as mocker:
        mocker.post(URL).mock(
            return_value=httpx.Response(201, extensions={"reason_phrase": b'Created'})
        )
        assert await send(URL, {"a": 1}) == 201
        assert json.loads(mocker.calls.last.request.content) == {"a": 1}
