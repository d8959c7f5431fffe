import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Transport:
    def __init__(self, endpoint):
        self._endpoint = endpoint

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path):
        return (await self._session.request(method, self._endpoint + path)).json()


class Client:
    def __init__(self, endpoint):
        self._transport = Transport(endpoint)

    async def server(self, name):
        return (await self._transport.request("GET", "/servers/" + name))["server"]


class Watched:
    def __init__(self, client, name):
        self.client = client
        self.name = name

    async def status(self):
        return (await self.client.server(self.name))["status"]
