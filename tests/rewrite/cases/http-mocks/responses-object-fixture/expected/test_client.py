import json

import httpx
import pytest
import respx

from _async_helpers import responses_callback, unmatched_connect_error
from client import BASE, contact, update


@pytest.fixture
def mocked():
    with respx.mock() as rsps:
        unmatched_connect_error(rsps)
        rsps.get(f"{BASE}/contacts/0").mock(
            return_value=httpx.Response(200, json={"name": "zero"})
        )
        yield rsps


@pytest.fixture
def crm(mocked):
    return mocked


@pytest.mark.asyncio
async def test_contact(mocked):
    mocked.get(f"{BASE}/contacts/1").mock(
        return_value=httpx.Response(200, json={"name": "a"})
    )
    assert await contact(1) == {"name": "a"}
    assert await contact(0) == {"name": "zero"}
    assert len(mocked.calls) == 2
    assert str(mocked.calls[1].request.url) == f"{BASE}/contacts/0"
    assert [str(call.request.url) for call in mocked.calls].count(
        f"{BASE}/contacts/1"
    ) == 1


@pytest.mark.asyncio
async def test_update(crm: respx.MockRouter):
    crm.patch(f"{BASE}/contacts/3").mock(
        return_value=httpx.Response(200, json={"ok": True})
    )
    crm.get(f"{BASE}/contacts/0").mock(
        return_value=httpx.Response(200, json={"name": "replaced"})
    )
    assert await update(3, name="z") == {"ok": True}
    assert await contact(0) == {"name": "replaced"}
    assert json.loads(crm.calls[0].request.content) == {"name": "z"}
    assert [str(call.request.url) for call in crm.calls].count(
        f"{BASE}/contacts/0"
    ) == 1


@pytest.mark.asyncio
async def test_upsert_and_callback(mocked):
    mocked.get(f"{BASE}/contacts/0").mock(
        return_value=httpx.Response(200, json={"name": "upserted"})
    )
    mocked.get(f"{BASE}/contacts/5").mock(
        return_value=httpx.Response(200, json={"name": "new"})
    )
    mocked.patch(f"{BASE}/contacts/5").mock(
        side_effect=responses_callback(
            lambda request: (200, {}, json.dumps({"echo": json.loads(request.body)})),
            content_type="application/json",
        )
    )
    assert await contact(0) == {"name": "upserted"}
    assert await contact(5) == {"name": "new"}
    assert await update(5, name="e") == {"echo": {"name": "e"}}


@pytest.mark.asyncio
async def test_reset(mocked):
    assert await contact(0) == {"name": "zero"}
    mocked.clear()
    mocked.reset()
    unmatched_connect_error(mocked)
    mocked.get(f"{BASE}/contacts/7").mock(
        return_value=httpx.Response(200, json={"name": "seven"})
    )
    assert await contact(7) == {"name": "seven"}
    assert len(mocked.calls) == 1


@pytest.mark.asyncio
async def test_alone():
    with respx.mock(assert_all_called=False) as rsps:
        unmatched_connect_error(rsps)
        rsps.get(f"{BASE}/contacts/2").mock(return_value=httpx.Response(404))
        rsps.get(f"{BASE}/contacts/9").mock(return_value=httpx.Response(200, json={}))
        with pytest.raises(httpx.HTTPStatusError):
            await contact(2)
        assert len(rsps.calls) == 1
        with pytest.raises(
            (
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            )
        ):
            await contact(8)


@pytest.mark.asyncio
async def test_unknown_contact(mocked):
    assert await contact(0) == {"name": "zero"}
    with pytest.raises(
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await contact(404)
