from unittest.mock import AsyncMock, MagicMock, call

import pytest

from stats import summary


@pytest.mark.asyncio
async def test_summary_asks_the_client_once():
    client = MagicMock(fetch=AsyncMock())
    assert await summary(client, "/daily") == {"count": 0, "source": "/daily"}
    assert client.method_calls == [call.fetch("/daily")]
