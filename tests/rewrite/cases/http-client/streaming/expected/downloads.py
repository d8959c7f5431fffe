import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

open_async = sync_to_async(open, thread_sensitive=False)


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def download(url, path):
    async with session.stream("GET", url, timeout=10) as resp:
        if resp.is_error:
            resp.raise_for_status()
        with await open_async(path, "wb") as f:
            async for chunk in resp.aiter_bytes(8192):
                f.write(chunk)


async def lines(url):
    out = []
    async with session.stream("GET", url) as resp:
        async for line in resp.aiter_lines():
            line = line.encode()
            out.append(line)
        await resp.aclose()
        return out


async def raw_head(url):
    async with session.stream("GET", url) as resp:
        # TODO(migrate MIG001): resp.raw is urllib3's file:
        #   `async for b in resp.aiter_raw()`
        return resp.raw.read(2)
