import unittest
from unittest import mock

from _async_helpers import async_client_mock
from info import server_version

SERVER = "https://jira.example.com"


class ServerVersionTest(unittest.IsolatedAsyncioTestCase):
    @mock.patch("info.httpx.AsyncClient", return_value=async_client_mock())
    async def test_version(self, session_class):
        session = session_class.return_value.__enter__.return_value
        session.get.return_value.json.return_value = {"version": "9.4.0"}
        self.assertEqual(await server_version(SERVER), "9.4.0")
        session.get.assert_called_once_with(SERVER + "/rest/api/2/serverInfo", timeout=5)
