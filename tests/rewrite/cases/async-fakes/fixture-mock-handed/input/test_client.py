from unittest import mock

import pytest

from client import User, Users


class TestUser:
    @pytest.fixture()
    def client(self):
        client = mock.MagicMock()
        return client

    @pytest.fixture()
    def user_class(self):
        class Admin(User):
            role = "admin"

        return Admin

    def test_name(self, client):
        user = User(client=client, uid=7)
        client.get_by_id.return_value = {"name": "Ada"}
        assert user.name() == "Ada"
        client.get_by_id.assert_called_once_with(7)

    def test_admin_name(self, user_class, client):
        admin = user_class(client, 8)
        client.get_by_id.return_value = {"name": "Grace"}
        assert (admin.role, admin.name()) == ("admin", "Grace")

    def test_other_attributes_stay(self, client):
        client.label = "plain"
        assert User(client, 1)._client.label == "plain"


def test_real_client():
    assert User(Users(), 7).name() == "Ada"
