import json
from unittest.mock import Mock

from pushes import Client


def test_push():
    client = Client()
    client._session = Mock()
    client._session.post.return_value = Mock(status_code=200, **{"json.return_value": {"ok": 1}})
    assert client.push({"k": "v"}) == {"ok": 1}
    client._session.post.assert_called_with(Client.URL, data=json.dumps({"k": "v"}), timeout=5)


def test_pushes():
    client = Client()
    client._session = Mock()
    client._session.get.return_value.json.return_value = [1]
    assert client.pushes(3) == [1]
    client._session.get.assert_called_once_with(
        Client.URL, params={"limit": 3}, allow_redirects=False
    )


def test_push_through_a_local_mock():
    session = Mock()
    session.post.return_value = Mock(status_code=200, **{"json.return_value": {"ok": 2}})
    client = Client()
    client._session = session
    assert client.push({"k": "w"}) == {"ok": 2}
    session.post.assert_called_once_with(Client.URL, data=json.dumps({"k": "w"}), timeout=5)
