import json

import httpx

from _async_helpers import TLS_CONTEXT


async def events(url, limit=3):
    out = []
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url, timeout=5) as r:
        if r.is_error:
            r.raise_for_status()
        async for line in r.aiter_lines():
            if not line:
                continue
            out.append(json.loads(line))
            if len(out) == limit:
                break
    return out


async def raw_lines(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url) as r:
        kept = []
        async for line in r.aiter_lines():
            line = line.encode()
            if line.startswith(b"{"):
                kept.append(line)
        return kept


async def first_chunk(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url) as r:
        async for chunk in r.aiter_bytes(4):
            return chunk
    return b""


async def decoded(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url) as r:
        return [line async for line in r.aiter_lines() if line]
