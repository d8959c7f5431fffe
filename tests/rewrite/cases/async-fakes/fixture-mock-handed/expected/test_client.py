from unittest import mock

import pytest

from client import User, Users


class TestUser:
    @pytest.fixture()
    def client(self):
        client = mock.MagicMock(get_by_id=mock.AsyncMock())
        return client

    @pytest.fixture()
    def user_class(self):
        class Admin(User):
            role = "admin"

        return Admin

    @pytest.mark.asyncio
    async def test_name(self, client):
        user = User(client=client, uid=7)
        client.get_by_id.return_value = {"name": "Ada"}
        assert await user.name() == "Ada"
        client.get_by_id.assert_called_once_with(7)

    @pytest.mark.asyncio
    async def test_admin_name(self, user_class, client):
        admin = user_class(client, 8)
        client.get_by_id.return_value = {"name": "Grace"}
        assert (admin.role, await admin.name()) == ("admin", "Grace")

    def test_other_attributes_stay(self, client):
        client.label = "plain"
        assert User(client, 1)._client.label == "plain"


@pytest.mark.asyncio
async def test_real_client():
    assert await User(Users(), 7).name() == "Ada"
