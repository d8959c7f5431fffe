import requests

from .model import APIObject, new_api_object

BASE = "https://api.wallet.example.com"


class Client:
    def __init__(self):
        self.session = requests.Session()

    def _request(self, method, path, **kwargs):
        response = self.session.request(method, BASE + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response

    def _make_api_object(self, response):
        data = response.json()["data"]
        if isinstance(data, dict):
            return new_api_object(self, data, response=response)
        page = APIObject(self, response=response)
        page["data"] = new_api_object(self, data)
        page["pagination"] = new_api_object(None, response.json().get("pagination"), APIObject)
        return page

    def get_account(self, account_id):
        return self._make_api_object(self._request("GET", f"/v2/accounts/{account_id}"))

    def delete_account(self, account_id):
        self._request("DELETE", f"/v2/accounts/{account_id}")

    def create_address(self, account_id, **params):
        response = self._request("POST", f"/v2/accounts/{account_id}/addresses", json=params)
        return self._make_api_object(response)

    def get_addresses(self, account_id, **params):
        response = self._request("GET", f"/v2/accounts/{account_id}/addresses", params=params)
        return self._make_api_object(response)


def account_name(account_id):
    return Client().get_account(account_id).name


def new_address(account_id):
    return Client().get_account(account_id).create_address(name="x").id


def address_ids(account_id):
    return [a.id for a in Client().get_account(account_id).get_addresses().data]


def remove(account_id):
    return Client().get_account(account_id).delete()
