import httpx

from hub._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs


class Resource:
    """An endpoint: ``api.users.repos`` is ``/users/repos``."""

    def __init__(self, api, path):
        self._api = api
        self._path = path

    def __getattr__(self, name):
        return Resource(self._api, f"{self._path}/{name}")

    async def get(self, **params):
        return await self._api.request("GET", self._path, params=params)


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path, **kwargs):
        response = await self.session.request(
            method, self.base + path, timeout=5, **httpx_kwargs(kwargs)
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def __getattr__(self, name):
        return Resource(self, "/" + name)
