import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://photos.example.com"


class Library:
    def __init__(self, session):
        self._session = session

    async def upload(self, name, data):
        response = await self._session.post(
            f"{API}/upload/{name}", json=data, timeout=5
        )
        if response.status_code == 409:
            return None
        if response.is_error:
            response.raise_for_status()
        return response.json()["id"]


class Drafts:
    def __init__(self):
        self.saved = {}

    def upload(self, name, data):
        self.saved[name] = data
        return name


class PhotoService:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)
        self._library = Library(self._session)

    async def add(self, name, data, album=None):
        photo = await self._library.upload(name, data)
        if photo is not None and album is not None:
            album.append(photo)
        return photo


async def add_to_new_album(name, data):
    album = []
    await PhotoService().add(name, data, album)
    return album
