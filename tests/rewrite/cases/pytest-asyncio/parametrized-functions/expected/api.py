import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://status.example.com"


async def status():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(BASE + "/status", timeout=5)).json()


async def health():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(BASE + "/health", timeout=5)).json()


async def version():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(BASE + "/version", timeout=5)).json()["version"]
