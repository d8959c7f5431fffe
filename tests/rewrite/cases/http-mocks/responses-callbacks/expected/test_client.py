import json

import httpx
import pytest
import respx

import client
from _async_helpers import responses_callback, unmatched_connect_error


def echo_search(request):
    body = {"q": request.params["q"], "page": int(request.params["page"])}
    return 200, {"Content-Type": "application/json"}, json.dumps(body)


def created(request):
    item = json.loads(request.body)
    assert request.method == "POST"
    assert request.headers["x-token"] == "t1"
    assert request.url == f"{client.API}/items"
    return 201, {"Location": f"/items/{item['id']}"}, json.dumps({"made": item["id"]})


@pytest.mark.asyncio
@respx.mock
async def test_search_echoes_the_query():
    unmatched_connect_error(respx)
    respx.get(f"{client.API}/search").mock(side_effect=responses_callback(echo_search))
    assert await client.search("lamp", page=2) == {"q": "lamp", "page": 2}
    assert str(respx.calls[0].request.url).endswith("page=2")


@pytest.mark.asyncio
@respx.mock
async def test_create_with_content_type():
    unmatched_connect_error(respx)
    respx.post(f"{client.API}/items").mock(
        side_effect=responses_callback(created, content_type="application/json")
    )
    status, content_type, text = await client.create({"id": 7})
    assert (status, content_type) == (201, "application/json")
    assert json.loads(text) == {"made": 7}


@pytest.mark.asyncio
@respx.mock
async def test_form_body_and_default_content_type():
    unmatched_connect_error(respx)
    def renamed(request):
        return 200, [("X-Seen", request.body)], request.body.encode() + b"!"

    respx.put(f"{client.API}/items/3").mock(side_effect=responses_callback(renamed))
    assert await client.rename(3, "desk lamp") == (200, b"name=desk+lamp!")


@pytest.mark.asyncio
@respx.mock
async def test_callback_answering_an_error():
    unmatched_connect_error(respx)
    seen = []

    def busy(request):
        seen.append(request.path_url)
        return 503, {}, "busy"

    respx.get(f"{client.API}/search").mock(side_effect=responses_callback(busy))
    with pytest.raises(httpx.HTTPStatusError):
        await client.search("x")
    assert seen == ["/api/search?q=x&page=1"]


@pytest.mark.asyncio
@respx.mock
async def test_lambda_callback():
    unmatched_connect_error(respx)
    respx.delete(f"{client.API}/items/1").mock(
        side_effect=responses_callback(lambda request: (204, {}, ""))
    )
    assert await client.remove(1) == 204
