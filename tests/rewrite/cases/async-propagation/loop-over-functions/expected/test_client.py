from unittest import mock

import pytest

from client import Api, health, status


@pytest.mark.asyncio
@mock.patch.object(Api, "call")
async def test_verbs(m_call):
    api = Api()
    for method, call in (("GET", api.get), ("DELETE", api.delete)):
        m_call.reset_mock()
        assert await call("/users", page=2) == m_call.return_value
        assert m_call.call_args_list == [mock.call(method, "/users", {"page": 2})]


@pytest.mark.asyncio
async def test_status():
    assert await status() == {"users": [{"id": 1}], "local": {"ok": True}}
    assert await health() is True
