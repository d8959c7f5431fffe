import httpx

from _async_helpers import TLS_CONTEXT, requests_body, requests_files

BASE = "http://api.example.com"


async def upload(fields, content):
    data = {k.encode("utf-8"): v.encode("utf-8") for k, v in fields.items()}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            BASE + "/upload",
            **requests_body(data),
            files=requests_files({"upload": ("notes.txt", content)}),
        )
    if r.is_error:
        r.raise_for_status()
    return r.json()


async def upload_pairs(pairs, content):
    data = [(k.encode("utf-8"), v) for k, v in pairs]
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            BASE + "/upload",
            **requests_body(data),
            files=requests_files({"upload": ("notes.txt", content)}),
        )
    return r.json()
