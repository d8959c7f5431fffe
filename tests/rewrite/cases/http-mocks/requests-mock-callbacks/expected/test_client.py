from urllib.parse import parse_qs

import httpx
import pytest
import respx

import client
from _async_helpers import answers_in_turn, requests_mock_answer


def stock_levels(request, context):
    context.headers["X-Host"] = request.hostname
    return {sku: len(sku) for sku in request.qs["sku"]}


@pytest.mark.asyncio
async def test_json_callback(respx_mock):
    respx_mock.get(f"{client.API}/levels").mock(
        side_effect=requests_mock_answer(json=stock_levels)
    )
    assert await client.levels("a", "bb") == (200, {"a": 1, "bb": 2})
    assert parse_qs(
        respx_mock.calls.last.request.url.query.decode().lower(), keep_blank_values=True
    ) == {"sku": ["a", "bb"]}


@pytest.mark.asyncio
async def test_text_callback_sets_the_status():
    def reserved(request, context):
        item = request.json()
        if item["count"] > 3:
            context.status_code = 409
            context.reason = "Conflict"
            return "too many"
        context.headers = {"X-Left": str(10 - item["count"])}
        return f"reserved {item['sku']}"

    with respx.mock(assert_all_called=False) as m:
        m.post(f"{client.API}/reserve").mock(
            side_effect=requests_mock_answer(text=reserved, status_code=201)
        )
        assert await client.reserve("a", 2) == (201, "8", "reserved a")
        assert await client.reserve("a", 5) == (409, "Conflict")
        assert m.calls.call_count == 2


@pytest.mark.asyncio
async def test_content_callback_and_path():
    with respx.mock(assert_all_called=False) as m:
        m.get().mock(
            side_effect=requests_mock_answer(
                content=lambda request, context: request.path.encode()
            )
        )
        assert await client.label("AB-1") == b"/v2/labels/ab-1"


@pytest.mark.asyncio
async def test_callbacks_in_turn():
    with respx.mock(assert_all_called=False) as m:
        m.get(f"{client.API}/Labels/x").mock(
            side_effect=answers_in_turn(
                requests_mock_answer(
                    status_code=503, text=lambda request, context: "busy"
                ),
                requests_mock_answer(
                    content=lambda request, context: request.method.encode()
                ),
            )
        )
        try:
            await client.label("x")
        except httpx.HTTPStatusError as exc:
            assert exc.response.text == "busy"
        assert await client.label("x") == b"GET"
        assert await client.label("x") == b"GET"
