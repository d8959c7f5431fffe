import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    gather_in_order,
    requests_params,
)

BASE = "https://api.example.com"


class Api:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path, **params):
        return await self.call("GET", path, params)

    async def delete(self, path, **params):
        return await self.call("DELETE", path, params)

    async def call(self, method, path, params):
        url = BASE + path
        return (
            await self.session.request(method, url, params=requests_params(url, params))
        ).json()


async def local_status():
    return {"ok": True}


async def status():
    api = Api()

    async def fetch_check(name, check):
        return name, await check("/users") if name == "users" else await check()

    found = dict(
        await gather_in_order(
            (
                fetch_check(name, check)
                for name, check in (("users", api.get), ("local", local_status))
            ),
            limit=10,
        )
    )
    return found


async def health():
    return (await local_status())["ok"]
