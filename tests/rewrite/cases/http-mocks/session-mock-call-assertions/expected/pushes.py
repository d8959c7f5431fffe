import json

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_params


class Client:
    URL = "https://api.example.com/pushes"

    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)

    async def push(self, data):
        r = await self._session.post(self.URL, content=json.dumps(data), timeout=5)
        if r.status_code != 200:
            raise RuntimeError(r.text)
        return r.json()

    async def pushes(self, limit):
        return (
            await self._session.get(
                self.URL,
                params=requests_params(self.URL, {"limit": limit}),
                follow_redirects=False,
            )
        ).json()
