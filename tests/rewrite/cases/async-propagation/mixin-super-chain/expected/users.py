import httpx

from _async_helpers import TLS_CONTEXT


class Resource:
    def __init__(self, base, uid):
        self.base = base
        self.uid = uid

    async def refresh(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{self.base}/users/{self.uid}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class CountMixin:
    def __init__(self, *args, **kwargs):
        self.hits = 0
        super().__init__(*args, **kwargs)

    async def refresh(self):
        self.hits += 1
        return await super().refresh()


class NameMixin:
    async def refresh(self):
        data = await super().refresh()
        self.name = data["name"]
        return data


class User(CountMixin, NameMixin, Resource):
    pass


async def load(base, uid):
    user = User(base, uid)
    await user.refresh()
    return user.name, user.hits, (await user.refresh())["name"], user.hits
