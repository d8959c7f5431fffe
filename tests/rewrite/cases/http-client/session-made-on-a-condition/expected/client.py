import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "http://api.example.com"


class Client:
    def __init__(self, pooled=False):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session) if pooled else None

    async def fetch(self, path):
        if self.session is None:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                return (await http_client.get(BASE + path, timeout=5)).json()
        return (await self.session.get(BASE + path, timeout=5)).json()


async def fetch_both(path):
    first_result_client = Client()
    second_result_client = Client(pooled=True)
    first_result, second_result = await gather_in_order(
        first_result_client.fetch(path),
        second_result_client.fetch(path),
    )
    return first_result, second_result
