import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values


class Client:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get_page(self, **params):
        return (
            await self.session.get(
                "https://api.example.com/items", params=requests_values(params)
            )
        ).json()

    async def cursor(self, function, **params):
        if not callable(function):
            raise TypeError("cursor() takes a function")
        while True:
            content = await function(**params)
            for item in content["items"]:
                yield item
            if not content.get("next"):
                return
            params["page"] = content["next"]

    async def all_items(self):
        return [item async for item in self.cursor(self.get_page)]

    async def first_items(self, count):
        found = []
        async for item in self.cursor(self.get_page):
            found.append(item)
            if len(found) == count:
                return found
        return found
