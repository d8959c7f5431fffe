import asyncio
import inspect
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch(i):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(f"http://x/{i}")).json()


async def post(i):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.post("http://x", json={"i": i})).json()


async def comp(ids):
    return await _gather_in_order(*(fetch(i) for i in ids), limit=10)


async def comp_set(ids):
    return set(await _gather_in_order(*(fetch(i) for i in ids), limit=10))


async def filtered(ids):
    return [await fetch(i) for i in ids if i > 0]


async def mapped(ids):
    return list(await _gather_in_order(*map(fetch, ids), limit=10))


async def pooled(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        # TODO(migrate): MIG005: the calls now run on the event loop: the thread pool can go
        return list(await _gather_in_order(*map(fetch, ids), limit=10))


async def writes(ids):
    out = []
    for i in ids:
        out.append(await post(i))
    return out


async def early(ids):
    out = []
    for i in ids:
        r = await fetch(i)
        if r is None:
            break
        out.append(r)
    return out


async def dependent():
    a = await fetch(1)
    b = await fetch(a["next"])
    return a, b


async def independent():
    a, b = await _gather_in_order(
        fetch(1),
        fetch(2),
    )
    return a, b


async def temp(ids):
    out = []
    out.extend(
        await _gather_in_order(
            *(fetch(i) for i in ids),
            limit=10,
        )
    )
    return out


async def submitted(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        # TODO(migrate): MIG005: the calls now run on the event loop: the thread pool can go
        futures = await _gather_in_order(*(fetch(i) for i in ids), limit=10)
        return list(futures)


async def submitted_loop(ids):
    out = []
    with ThreadPoolExecutor() as pool:
        # TODO(migrate): MIG005: the calls now run on the event loop: the thread pool can go
        futures = await _gather_in_order(*(fetch(i) for i in ids), limit=10)
    for future in futures:
        out.append(future)
    return out


async def by_id(ids):
    return {i: await fetch(i) for i in ids}
