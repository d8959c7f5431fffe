from unittest import mock

from client import Api, health, status


@mock.patch.object(Api, "call")
def test_verbs(m_call):
    api = Api()
    for method, call in (("GET", api.get), ("DELETE", api.delete)):
        m_call.reset_mock()
        assert call("/users", page=2) == m_call.return_value
        assert m_call.call_args_list == [mock.call(method, "/users", {"page": 2})]


def test_status():
    assert status() == {"users": [{"id": 1}], "local": {"ok": True}}
    assert health() is True
