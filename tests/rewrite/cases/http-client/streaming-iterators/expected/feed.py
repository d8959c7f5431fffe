import json

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def first_line(url):
    async with session.stream("GET", url, timeout=10) as resp:
        return (await anext(resp.aiter_lines())).encode()


async def first_line_text(url):
    async with session.stream("GET", url, timeout=10) as resp:
        return await anext(resp.aiter_lines())


async def all_lines(url):
    async with session.stream("GET", url, timeout=10) as resp:
        return [line.encode() async for line in resp.aiter_lines()]


async def body(url):
    async with session.stream("GET", url, timeout=10) as resp:
        return b"".join([chunk async for chunk in resp.aiter_bytes(3)])


async def text(url):
    async with session.stream("GET", url, timeout=10) as resp:
        return "".join([chunk async for chunk in resp.aiter_text(3)])


async def header_and_rows(url):
    async with session.stream("GET", url, timeout=10) as resp:
        lines = resp.aiter_lines()
        header = json.loads(await anext(lines))
        rows = []
        async for line in lines:
            rows.append(line)
        return header, rows


async def head_and_rest(url):
    async with session.stream("GET", url, timeout=10) as resp:
        chunks = resp.aiter_bytes(4)
        first = await anext(chunks, b"")
        rest = sorted([chunk async for chunk in chunks])
        await resp.aclose()
        return first, rest


async def each_line(url):
    async with session.stream("GET", url, timeout=10) as resp:
        async for line in resp.aiter_lines():
            yield line.encode()


async def kept_and_last(url):
    async with session.stream("GET", url, timeout=10) as resp:
        lines = resp.aiter_lines()
        first = [line async for line in lines if "columns" in line]
        return first, max([line async for line in lines], default=None)


async def every_line(url):
    async with session.stream("GET", url, timeout=10) as resp:
        lines = resp.aiter_lines()
        seen = []
        while True:
            try:
                seen.append((await anext(lines)).encode())
            except (StopAsyncIteration, KeyError):
                return seen


async def ids(url):
    async with session.stream("GET", url, timeout=10) as resp:
        lines = resp.aiter_lines()
        await anext(lines)
        return [json.loads(line)["id"] async for line in lines]


def count(lines):
    return sum(1 for _ in lines)


async def counted(url):
    async with session.stream("GET", url, timeout=10) as resp:
        # TODO(migrate MIG001): read resp.aiter_lines() with `async for`
        return count(resp.iter_lines())


async def fields(url):
    async with session.stream("GET", url, timeout=10) as resp:
        # TODO(migrate MIG001): aiter_lines() splits at line ends only:
        #   split at the delimiter
        # TODO(migrate MIG001): aiter_lines() yields str where iter_lines() yielded
        #   bytes
        return [field async for field in resp.aiter_lines()]
