import httpx

from _async_helpers import TLS_CONTEXT, httpx_kwargs

BASE = "https://api.example.com"


class ApiSession(httpx.AsyncClient):
    """A session that prefixes the API's URL and counts its requests."""

    def __init__(self, token):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.headers["Authorization"] = f"Bearer {token}"
        self.sent = 0

    async def request(self, method, url, **kwargs):
        self.sent += 1
        return await super().request(method, BASE + url, **httpx_kwargs(kwargs))

    async def item(self, item_id):
        response = await self.get(f"/items/{item_id}")
        if response.is_error:
            response.raise_for_status()
        return response.json()


class PlainSession(httpx.AsyncClient):
    def __init__(self):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)

    async def user(self, uid):
        return (await self.get(f"{BASE}/users/{uid}", timeout=5)).json()


async def item(item_id):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = ApiSession("secret")
    return await session.item(item_id)


async def item_and_count(item_id):
    async with ApiSession("secret") as session:
        found = await session.item(item_id)
        return found, session.sent


async def user(uid):
    session = PlainSession()
    try:
        return await session.user(uid)
    finally:
        await session.aclose()


async def create(payload):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = ApiSession("secret")
    response = await session.post("/items", json=payload, follow_redirects=False)
    return response.status_code, response.headers.get("location")
