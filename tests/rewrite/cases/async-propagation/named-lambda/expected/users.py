import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

API = "https://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def names(ids):
    async def get(uid):
        return (await session.get(f"{API}/users/{uid}")).json()

    responses = await gather_in_order((get(uid) for uid in ids), limit=10)
    return [response["name"] for response in responses]


async def status(path):
    async def ping(p, timeout=5):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(API + p, timeout=timeout)).status_code

    return await ping(path)


def labels(ids):
    label = lambda uid: f"user-{uid}"
    return [label(uid) for uid in ids]
