import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com/items"


class GetMixin:
    async def get(self, item_id):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{BASE}/{item_id}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class DeleteMixin:
    async def delete(self, item_id):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            (await http_client.delete(f"{BASE}/{item_id}", timeout=5)).raise_for_status()
        return item_id


class Base:
    name = "items"


class Manager(GetMixin, DeleteMixin, Base):
    pass
