import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url="https://api.example.com", timeout=10, verify=TLS_CONTEXT
    )


client = AsyncClientPerLoop(_new_client)


async def fetch_one_off(url):
    async with httpx.AsyncClient(verify=TLS_CONTEXT) as http_client:
        return (await http_client.get(url)).json()


async def fetch_shared(path):
    resp = await client.get(path)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()
