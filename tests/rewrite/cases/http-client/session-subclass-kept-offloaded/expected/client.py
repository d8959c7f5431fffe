import asyncio

import requests
from asgiref.sync import sync_to_async
from requests.adapters import HTTPAdapter

API = "https://api.example.com"


class RetryingSession(requests.Session):
    def __init__(self):
        super().__init__()
        self.mount("https://", HTTPAdapter(max_retries=3))


class Api:
    def __init__(self):
        self.session = RetryingSession()

    def terms(self):
        resp: requests.Response = self.session.get(f"{API}/terms", timeout=5)
        resp.raise_for_status()
        return resp.json()["version"]

    async def accept(self):
        version = await sync_to_async(self.terms, thread_sensitive=False)()
        await asyncio.sleep(0.01)
        resp: requests.Response = await sync_to_async(
            self.session.post, thread_sensitive=False
        )(f"{API}/accept", json={"v": version})
        checked = resp.raise_for_status()
        return checked, resp.json()
