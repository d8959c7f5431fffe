from unittest import mock

import httpx
import pytest

import client
from _async_helpers import StatusError


def _answer(status, payload):
    response = mock.Mock(spec=httpx.Response, is_error=False)
    response.status_code = status
    response.is_error = status >= 400
    response.json.return_value = payload
    if status >= 400:
        response.raise_for_status.side_effect = StatusError(response=response)
        response.is_error = True
    return response


@pytest.mark.asyncio
async def test_item():
    with mock.patch.object(
        httpx.AsyncClient, "get", return_value=_answer(200, {"sku": "a1"})
    ):
        assert await client.item("a1") == {"sku": "a1"}


@pytest.mark.asyncio
async def test_missing_item():
    with mock.patch.object(httpx.AsyncClient, "get", return_value=_answer(404, {})):
        with pytest.raises(httpx.HTTPStatusError):
            await client.item("zz")


@pytest.mark.asyncio
async def test_autospec():
    answer = mock.create_autospec(httpx.Response, instance=True)
    answer.status_code = 200
    answer.is_error = False
    answer.json.return_value = {"sku": "b2"}
    with mock.patch.object(httpx.AsyncClient, "get", return_value=answer):
        assert await client.item("b2") == {"sku": "b2"}


@pytest.mark.asyncio
async def test_item_served():
    assert await client.item("c3") == {"sku": "c3"}
