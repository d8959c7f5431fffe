import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "http://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


class NotesClient:
    async def update(self, note, title=None):
        return (
            await session.put(f"{API}/notes/{note.id}", json={"title": title})
        ).json()

    async def delete(self, note):
        return (await session.delete(f"{API}/notes/{note.id}")).json()


class TagsClient:
    async def rename(self, tag, name):
        return (await session.put(f"{API}/tags/{tag.id}", json={"name": name})).json()


class Api:
    def __init__(self):
        self.notes = NotesClient()
        self.tags = TagsClient()


class BoundNote:
    _client: NotesClient

    def __init__(self, client, id):
        self._client = client
        self.id = id

    async def update(self, title=None):
        return await self._client.update(self, title=title)

    async def delete(self):
        return await self._client.delete(self)


class BoundTag:
    _client: TagsClient

    def __init__(self, client, id):
        self._client = client
        self.id = id

    async def rename(self, name):
        return await self._client.rename(self, name=name)
