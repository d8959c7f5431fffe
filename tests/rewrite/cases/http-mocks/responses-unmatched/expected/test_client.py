import json
import unittest

import httpx
import pytest
import respx

from _async_helpers import answers_in_turn
from client import Api

BASE = "https://api.test"


@pytest.mark.asyncio
@respx.mock
async def test_nothing_registered_fails_to_connect():
    respx.route().mock(side_effect=httpx.ConnectError)
    with pytest.raises(
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await Api(BASE).ping()


@pytest.mark.asyncio
@respx.mock
async def test_registered_routes_still_answer():
    respx.get(BASE + "/ping").mock(return_value=httpx.Response(200, json={"ok": True}))
    assert await Api(BASE).ping() == {"ok": True}
    respx.route().mock(side_effect=httpx.ConnectError)
    with pytest.raises(
        (ValueError, httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError)
    ):
        await Api("https://elsewhere.test").ping()
    assert await Api(BASE).ping() == {"ok": True}


@pytest.mark.asyncio
@respx.mock
async def test_the_last_answer_repeats():
    respx.get(BASE + "/ping").mock(
        side_effect=answers_in_turn(
            httpx.Response(503), httpx.Response(200, json={"ok": True})
        )
    )
    with pytest.raises(httpx.HTTPStatusError):
        await Api(BASE).ping()
    assert [await Api(BASE).ping() for _ in range(2)] == [{"ok": True}] * 2


class TestApi(unittest.IsolatedAsyncioTestCase):
    @respx.mock
    async def test_unknown_host(self):
        respx.route().mock(side_effect=httpx.ConnectError)
        with self.assertRaises(
            (
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            )
        ):
            await Api("https://nowhere.test").ping()
