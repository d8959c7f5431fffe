import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "http://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


class ResourceClient:
    async def first(self, ids):
        return await self.get_by_id(ids[0]) if ids else None


class NotesClient(ResourceClient):
    async def get_by_id(self, id):
        return BoundNote(self, (await session.get(f"{API}/notes/{id}")).json())


class TagsClient(ResourceClient):
    async def get_by_id(self, id):
        return BoundTag(self, (await session.get(f"{API}/tags/{id}")).json())


class BoundModel:
    def __init__(self, client: ResourceClient, data):
        self._client = client
        self.data = data

    async def reload(self):
        self.data = (await self._client.get_by_id(self.data["id"])).data
        return self.data


class BoundNote(BoundModel):
    async def label(self):
        return f"note {self.data['title']}"


class BoundTag(BoundModel):
    async def label(self):
        return f"tag {(await self.reload())['name']}"


async def describe(model: BoundModel):
    return await model.label()
