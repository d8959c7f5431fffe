import httpx

from _async_helpers import TLS_CONTEXT, requests_body

BASE = "https://example.com"


async def upload(payload):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            BASE + "/upload", **requests_body(payload), timeout=5
        )
    if r.status_code != httpx.codes.ok:
        raise RuntimeError(r.status_code)
    return r.json()
