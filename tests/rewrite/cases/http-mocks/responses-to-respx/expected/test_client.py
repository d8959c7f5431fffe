import json
import unittest
import warnings

import httpx
import pytest
import respx

from _async_helpers import answers_in_turn, responses_callback, unmatched_connect_error
from client import create, fetch

URL = "https://api.test/items"


@pytest.mark.asyncio
@respx.mock
async def test_fetch():
    unmatched_connect_error(respx)
    respx.get(URL).mock(return_value=httpx.Response(200, json={"id": 1}))
    assert await fetch(URL) == {"id": 1}
    assert len(respx.calls) == 1
    assert str(respx.calls[0].request.url) == URL


@pytest.mark.asyncio
@respx.mock
async def test_create_sends_the_item():
    unmatched_connect_error(respx)
    respx.post(URL).mock(return_value=httpx.Response(201))
    assert await create(URL, {"name": "pen"}) == 201
    assert json.loads(respx.calls[0].request.content) == {"name": "pen"}


@pytest.mark.asyncio
@respx.mock
async def test_fetch_warns_nothing():
    unmatched_connect_error(respx)
    respx.get(URL).mock(return_value=httpx.Response(200, json={"id": 2}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert await fetch(URL) == {"id": 2}


@respx.mock
def test_retry_sees_both_answers():
    unmatched_connect_error(respx)
    respx.get(URL).mock(
        side_effect=answers_in_turn(
            httpx.Response(503, text="busy", headers={"Content-Type": "text/plain"}),
            httpx.Response(200, json=[]),
        )
    )
    respx.get(URL + "?page=2", params__eq={"page": "2"}).mock(
        return_value=httpx.Response(200, json=[])
    )
    respx.post(URL).mock(side_effect=httpx.ConnectError("refused"))
    respx.put(URL).mock(side_effect=responses_callback(lambda request: (200, {}, "ok")))


# TODO(migrate MIG008): a class under activate is a function: its tests never ran
@respx.mock
class FetchTest(unittest.IsolatedAsyncioTestCase):
    async def test_fetch(self):
        respx.get(URL).mock(return_value=httpx.Response(200, json={"id": 3}))
        self.assertEqual(await fetch(URL), {"id": 3})
