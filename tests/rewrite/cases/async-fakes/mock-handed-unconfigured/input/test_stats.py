from unittest.mock import MagicMock, call

from stats import summary


def test_summary_asks_the_client_once():
    client = MagicMock()
    assert summary(client, "/daily") == {"count": 0, "source": "/daily"}
    assert client.method_calls == [call.fetch("/daily")]
