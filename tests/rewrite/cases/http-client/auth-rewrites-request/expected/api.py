import httpx

from _async_helpers import TLS_CONTEXT, requests_body
from auth import BodyDigestAuth, QueryKeyAuth, TokenSigner

BASE = "https://api.example.com"


async def search(term):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"{BASE}/search", params={"q": term}, auth=QueryKeyAuth("k1")
        )
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def ping():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"{BASE}/ping", auth=QueryKeyAuth("k 2"))
        ).status_code


async def upload(fields):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                f"{BASE}/upload", **requests_body(fields), auth=BodyDigestAuth()
            )
        ).json()


async def upload_raw():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                f"{BASE}/upload", content=b"\x00\x01raw", auth=BodyDigestAuth()
            )
        ).json()


async def submit(fields):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT, auth=TokenSigner("t0k")
    ) as session:
        return (await session.post(f"{BASE}/submit?v=2", **requests_body(fields))).json()


async def status():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/status", auth=TokenSigner("t0k"))).json()


async def probe():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.head(
                f"{BASE}/status", auth=TokenSigner("t0k"), follow_redirects=False
            )
        ).status_code
