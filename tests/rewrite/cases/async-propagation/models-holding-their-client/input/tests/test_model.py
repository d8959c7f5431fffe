from wallet.client import Client
from wallet.model import new_api_object


def test_delete():
    account = Client().get_account("a1")
    assert account.delete() is None


def test_addresses():
    account = Client().get_account("a1")
    assert [a.id for a in account.get_addresses().data] == ["ad9"]


def test_plain_values():
    api_client = lambda x: x
    obj = new_api_object(api_client, {"id": "x", "resource": "address"})
    assert obj["id"] == "x" and obj.api_client is api_client
