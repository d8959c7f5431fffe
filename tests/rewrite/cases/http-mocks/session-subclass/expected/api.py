import httpx

from _async_helpers import TLS_CONTEXT, httpx_kwargs

BASE = "https://api.example.com"


class ApiSession(httpx.AsyncClient):
    def __init__(self, token):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.headers["Authorization"] = f"Bearer {token}"

    async def request(self, method, url, **kwargs):
        return await super().request(method, BASE + url, **httpx_kwargs(kwargs))


async def item(item_id):
    async with ApiSession("secret") as session:
        response = await session.get(f"/items/{item_id}")
        if response.is_error:
            response.raise_for_status()
        return response.json()
