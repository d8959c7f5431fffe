import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_headers

BASE = "https://api.example.com"
DEFAULT_HEADERS = {"User-Agent": "tenants/1.0", "X-Trace": None}


class TenantClient:
    def __init__(self, tenant=None):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers.update(requests_headers({"X-Tenant": tenant}))
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def usage(self, month, request_id=None):
        headers = {"Accept": "application/json", "X-Request-Id": request_id}
        return (
            await self.session.get(
                f"{BASE}/usage/{month}", headers=requests_headers(headers), timeout=5
            )
        ).json()


async def traced(path, trace=None):
    headers = dict(DEFAULT_HEADERS)
    if trace:
        headers["X-Trace"] = trace
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}{path}", headers=requests_headers(headers), timeout=5
            )
        ).json()


async def signed(path, signature, key=None):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(
            f"{BASE}{path}",
            headers=requests_headers({"X-Signature": signature, "X-Key": key}),
            timeout=5,
        )).json()


async def plain(path, token):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(
            f"{BASE}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=5
        )).json()


async def audit(path, actor=None):
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers.update(requests_headers({"X-Actor": actor, "X-Audit": "1"}))
    response = await session.get(f"{BASE}{path}", timeout=5)
    await session.aclose()
    return response.json()
