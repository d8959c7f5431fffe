import threading

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

open_async = sync_to_async(open, thread_sensitive=False)


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)
lock = threading.Lock()


async def locked_download(url):
    with lock:
        response = await session.get(url, timeout=10)
    body = b""
    for chunk in response.iter_bytes(4):
        body += chunk
    return body


async def open_stream(url):
    response = await session.get(url, timeout=10)
    if response.is_error:
        response.raise_for_status()
    return response


async def first_line(url):
    response = await open_stream(url)
    for line in response.content.splitlines():
        return line
    return None


async def save(url, path):
    async with session.stream("GET", url, timeout=10) as response:
        with await open_async(path, "wb") as out:
            async for chunk in response.aiter_bytes(8):
                out.write(chunk)
        return response.status_code


async def size(url):
    async with session.stream("GET", url, timeout=10) as response:
        return sum([len(chunk) async for chunk in response.aiter_bytes(8)])
