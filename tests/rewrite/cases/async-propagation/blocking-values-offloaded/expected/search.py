import asyncio

import requests
from asgiref.sync import sync_to_async


class Index:
    def __init__(self, url, verify=True):
        self.url = url
        self.verify = verify
        self.session = requests.Session()

    async def _send(self, method, path, body=None):
        send = getattr(self.session, method.lower())
        response = await sync_to_async(send, thread_sensitive=False)(
            self.url + path, data=body, timeout=5, verify=self.verify
        )
        response.raise_for_status()
        return response.json()

    async def search(self, query):
        return (await self._send("GET", "/select?q=" + query))["docs"]


class ReplicatedIndex(Index):
    async def _send(self, method, path, body=None):
        for attempt in range(3):
            try:
                return await super()._send(method, path, body)
            except requests.HTTPError:
                await asyncio.sleep(0.01)
        raise RuntimeError("no replica answered")
