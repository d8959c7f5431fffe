import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://stock.example.com/v1"


class StockClient:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Authorization"] = f"Bearer {token}"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def level(self, sku):
        resp = await self.session.get(f"{API}/levels", params={"sku": sku}, timeout=5)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()["level"]


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def reserve(sku, count):
    resp = await session.post(f"{API}/reservations", json={sku: count}, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.status_code


async def ping():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return not (await http_client.get(f"{API}/ping", timeout=5)).is_error
