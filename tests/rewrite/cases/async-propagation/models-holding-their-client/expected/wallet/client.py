import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs
from .model import APIObject, new_api_object

BASE = "https://api.wallet.example.com"


class Client:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _request(self, method, path, **kwargs):
        response = await self.session.request(
            method, BASE + path, timeout=5, **httpx_kwargs(kwargs)
        )
        if response.is_error:
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

    async def get_account(self, account_id):
        return self._make_api_object(
            await self._request("GET", f"/v2/accounts/{account_id}")
        )

    async def delete_account(self, account_id):
        await self._request("DELETE", f"/v2/accounts/{account_id}")

    async def create_address(self, account_id, **params):
        response = await self._request(
            "POST", f"/v2/accounts/{account_id}/addresses", json=params
        )
        return self._make_api_object(response)

    async def get_addresses(self, account_id, **params):
        response = await self._request(
            "GET", f"/v2/accounts/{account_id}/addresses", params=params
        )
        return self._make_api_object(response)


async def account_name(account_id):
    return (await Client().get_account(account_id)).name


async def new_address(account_id):
    return (await (await Client().get_account(account_id)).create_address(name="x")).id


async def address_ids(account_id):
    return [
        a.id
        for a in (await (await Client().get_account(account_id)).get_addresses()).data
    ]


async def remove(account_id):
    return await (await Client().get_account(account_id)).delete()
