import json

import httpx
import pytest
import respx

from client import create, remove

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_create():
    with respx.mock(assert_all_called=False) as m:
        m.post(URL).mock(return_value=httpx.Response(201))
        assert await create(URL, {"a": 1}) == 201
        assert json.loads(m.calls.last.request.content) == {"a": 1}


@pytest.mark.asyncio
async def test_remove():
    with respx.mock(assert_all_called=False) as m:
        m.delete(URL + "/1").mock(return_value=httpx.Response(204))
        assert await remove(URL + "/1") == 204
        assert m.calls.call_count == 1
        assert (m.calls.last.request.content or None) is None
