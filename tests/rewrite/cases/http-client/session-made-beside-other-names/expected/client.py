import httpx
import requests
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT

BASE = "http://api.example.com"


class Client:
    def __init__(self, base=BASE):
        self.base, self.session = base, requests.Session()

    def item(self, path):
        return self.session.get(self.base + path, timeout=5).json()

    async def health(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + "/health", timeout=5)).json()


async def both(path):
    client = Client()
    return await client.health(), await sync_to_async(
        client.item, thread_sensitive=False
    )(path)
