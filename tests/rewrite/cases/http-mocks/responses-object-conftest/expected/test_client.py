import json

import httpx
import pytest

from client import BASE, contact, update


@pytest.mark.asyncio
async def test_contact(crm_mock):
    crm_mock.get(f"{BASE}/contacts/1").mock(
        return_value=httpx.Response(200, json={"name": "a"})
    )
    assert await contact(1) == {"name": "a"}
    assert await contact(0) == {"name": "zero"}
    assert len(crm_mock.calls) == 2


@pytest.mark.asyncio
async def test_update(crm_mock):
    crm_mock.patch(f"{BASE}/contacts/3").mock(
        return_value=httpx.Response(200, json={"ok": True})
    )
    assert await update(3, name="z") == {"ok": True}
    assert await contact(0) == {"name": "zero"}
    assert json.loads(crm_mock.calls[0].request.content) == {"name": "z"}
