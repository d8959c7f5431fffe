from ._async_helpers import httpx_kwargs


class BaseAPI:
    path = ""

    def __init__(self, client):
        self._client = client

    async def _request(self, method, suffix="", **kwargs):
        url = f"{self._client.base_url}/{self.path}{suffix}"
        response = await self._client.session.request(
            method, url, **httpx_kwargs(kwargs)
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()


class SessionAPI:
    """A resource that keeps the client's session, not the client."""

    path = ""

    def __init__(self, client):
        self.session = client.session
        self.root = f"{client.base_url}/{self.path}"

    async def _get(self, suffix=""):
        response = await self.session.get(self.root + suffix)
        if response.is_error:
            response.raise_for_status()
        return response.json()
