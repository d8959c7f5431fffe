import httpx
import pytest
import responses
import respx

from _async_helpers import answers_in_turn
from client import fetch

URL = "https://api.test/items"


@pytest.mark.asyncio
@respx.mock
async def test_fetch():
    respx.get(URL).mock(return_value=httpx.Response(200, json={"id": 1}))
    assert await fetch(URL) == {"id": 1}
    assert len(respx.calls) == 1
    assert respx.calls[0].request.url == URL


@respx.mock
def test_retry_sees_both_answers():
    respx.get(URL).mock(
        side_effect=answers_in_turn(
            httpx.Response(503, text="busy", headers={"Content-Type": "text/plain"}),
            httpx.Response(200, json=[]),
        ),
    )
    respx.get(URL + "?page=2", params={"page": "2"}).mock(
        return_value=httpx.Response(200, json=[])
    )
    respx.post(URL).mock(side_effect=httpx.NetworkError("refused"))
    # TODO(migrate MIG008): responses.add_callback() has no respx rewrite here
    responses.add_callback(responses.PUT, URL, callback=lambda request: (200, {}, "ok"))
