import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

BASE = "https://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


SESSION = AsyncClientPerLoop(_new_session)


class ResourceClient:
    async def _iter_pages(self, list_function, **kwargs):
        results = []
        page = 1
        while page:
            items, page = await list_function(page=page, **kwargs)
            results.extend(items)
        return results

    async def _first(self, list_function, **kwargs):
        items, _ = await list_function(**kwargs)
        return items[0] if items else None


class Users(ResourceClient):
    async def get_list(self, page=1, role=None):
        data = (
            await SESSION.get(
                f"{BASE}/users", params=requests_values({"page": page, "role": role})
            )
        ).json()
        return data["items"], data["next"]

    async def get_all(self, role=None):
        return await self._iter_pages(self.get_list, role=role)

    async def get_first(self, role=None):
        return await self._first(self.get_list, role=role)
