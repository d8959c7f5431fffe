import httpx

from _async_helpers import AsyncClientPerLoop, requests_tls

API_KEY = "secret"


def _new_session() -> httpx.AsyncClient:
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        auth=("user", "pass"),
        verify=requests_tls("ca.pem"),
        mounts={"https://": httpx.AsyncHTTPTransport(retries=3, verify="ca.pem")},
    )
    session.headers.update({"X-Api-Key": API_KEY})
    return session


session = AsyncClientPerLoop(_new_session)


async def fetch(path):
    resp = await session.get("https://api.example.com" + path, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def create(path, item):
    return (
        await session.post("https://api.example.com" + path, json=item, timeout=5)
    ).json()


async def delete(path):
    resp = await session.delete("https://api.example.com" + path, timeout=5)
    return not resp.is_error
