import httpx

from _async_helpers import TLS_CONTEXT, requests_tls

BASE = "https://internal.example.com"


async def status(verify=True):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=requests_tls(verify)
    ) as http_client:
        return (await http_client.get(f"{BASE}/status", timeout=3)).json()["status"]


async def location(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(BASE + path, follow_redirects=False, timeout=3)
    return r.headers.get("Location") if r.status_code in (301, 302) else None


async def search(query):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"{BASE}/search", params={"q": query}, timeout=3)
        ).json()


async def publish(payload):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(f"{BASE}/items", json=payload, timeout=3)
        ).status_code


async def exists(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.head(BASE + path, timeout=3, follow_redirects=False)
        ).status_code == 200
