import httpx
import requests
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "http://api.example.com"


class Client:
    def __init__(self, pooled=False):
        self.session = requests.Session() if pooled else None

    async def fetch(self, path):
        if self.session is None:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                return (await http_client.get(BASE + path, timeout=5)).json()
        return (
            await sync_to_async(self.session.get, thread_sensitive=False)(
                BASE + path, timeout=5
            )
        ).json()


async def fetch_both(path):
    first_result_client = Client()
    second_result_client = Client(pooled=True)
    first_result, second_result = await gather_in_order(
        first_result_client.fetch(path),
        second_result_client.fetch(path),
    )
    return first_result, second_result
