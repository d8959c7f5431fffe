import json
import unittest

import httpx
import pytest
import respx

from _async_helpers import answers_in_turn, unmatched_connect_error
from client import Api

BASE = "https://api.test"


@pytest.mark.asyncio
@respx.mock
async def test_nothing_registered_fails_to_connect():
    unmatched_connect_error(respx)
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
    unmatched_connect_error(respx)
    respx.get(BASE + "/ping").mock(return_value=httpx.Response(200, json={"ok": True}))
    assert await Api(BASE).ping() == {"ok": True}
    with pytest.raises(
        (ValueError, httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError)
    ):
        await Api("https://elsewhere.test").ping()
    assert await Api(BASE).ping() == {"ok": True}


@pytest.mark.asyncio
@respx.mock
async def test_the_last_answer_repeats():
    unmatched_connect_error(respx)
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
        unmatched_connect_error(respx)
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


@pytest.mark.asyncio
@respx.mock
async def test_nothing_registered_is_down():
    unmatched_connect_error(respx)
    # The code catches the connection error: it stands for the host being down.
    assert await Api(BASE).status() == "down"


@pytest.mark.asyncio
@respx.mock
async def test_a_route_registered_after_an_unmatched_request_answers():
    unmatched_connect_error(respx)
    assert await Api(BASE).status() == "down"
    respx.get(BASE + "/ping").mock(return_value=httpx.Response(200, json={"ok": True}))
    assert await Api(BASE).status() == "up"
    assert len(respx.calls) == 2


@pytest.mark.asyncio
async def test_another_host_registered_is_down():
    with respx.mock(assert_all_called=False) as rsps:
        unmatched_connect_error(rsps)
        rsps.get("https://elsewhere.test/ping").mock(
            return_value=httpx.Response(200, json={"ok": True})
        )
        assert await Api(BASE).status() == "down"


@pytest.mark.asyncio
async def test_every_registration_used_and_one_unmatched():
    with respx.mock() as rsps:
        unmatched_connect_error(rsps)
        rsps.get(BASE + "/ping").mock(
            return_value=httpx.Response(200, json={"ok": True})
        )
        assert await Api(BASE).status() == "up"
        assert await Api("https://elsewhere.test").status() == "down"


@pytest.mark.asyncio
async def test_every_registration_used_and_nothing_unmatched():
    with respx.mock() as rsps:
        unmatched_connect_error(rsps)
        rsps.get(BASE + "/ping").mock(
            return_value=httpx.Response(200, json={"ok": True})
        )
        assert await Api(BASE).status() == "up"
