import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT

open_async = sync_to_async(open, thread_sensitive=False)


async def download(url, path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url, timeout=30) as r:
        if r.is_error:
            r.raise_for_status()
        with await open_async(path, "wb") as f:
            async for chunk in r.aiter_raw():
                f.write(chunk)
    with await open_async(path, "rb") as f:
        return f.read()
