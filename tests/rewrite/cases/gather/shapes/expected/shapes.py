from concurrent.futures import ThreadPoolExecutor

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes


async def fetch(i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"http://x/{i}")).json()


async def post(i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.post("http://x", json={"i": i})).json()


async def comp(ids):
    return await gather_in_order((fetch(i) for i in ids), limit=10)


async def comp_set(ids):
    return set(await gather_in_order((fetch(i) for i in ids), limit=10))


async def filtered(ids):
    return await gather_in_order((fetch(i) for i in ids if i > 0), limit=10)


async def mapped(ids):
    return await gather_in_order(map(fetch, ids), limit=10)


async def pooled(ids):
    return await gather_in_order(map(fetch, ids), limit=4)


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
    a, b = await gather_in_order(
        fetch(1),
        fetch(2),
    )
    return a, b


async def temp(ids):
    out = await gather_in_order((fetch(i) for i in ids), limit=10)
    return out


async def submitted(ids):
    results = await gather_in_order((fetch(i) for i in ids), limit=4)
    return list(results)


async def submitted_loop(ids):
    out = []
    results = await gather_in_order((fetch(i) for i in ids), limit=10)
    for result in results:
        out.append(result)
    return out


async def get_item(i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"http://x/{i}")).json()


async def submitted_named(ids):
    items = await gather_in_order((get_item(i) for i in ids), limit=10)
    by_value = {}
    for item in items:
        by_value[item["i"]] = item
    return sorted(by_value), [item["i"] * 2 for item in items]


async def by_id(ids):
    ids = list(ids)
    results = await gather_in_order((fetch(i) for i in ids), limit=10)
    return dict(zip(ids, results))


def posted_one_at_a_time(ids):
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [pool.submit(async_to_sync(post), i) for i in ids]
        return [future.result() for future in futures]


async def pooled_in_pairs(ids):
    pairs = ThreadPoolExecutor(2)
    with pairs:
        results = await gather_in_order((fetch(i) for i in ids), limit=2)
        return [result["i"] for result in results]


async def pooled_then_taken(ids):
    items = (
        outcome.result() for outcome in await gather_outcomes(map(fetch, ids), limit=2)
    )
    first = next(items)
    return first, list(items)


async def largest(ids):
    results = await gather_in_order((fetch(i) for i in ids), limit=10)
    return max((result["i"] for result in results), default=-1)


async def first_big(ids):
    async for item in (await fetch(i) for i in ids):
        if item["i"] > 2:
            return item
    return None


def numbers(items):
    return [item["i"] for item in items]


async def handed(ids):
    return numbers(await gather_in_order((fetch(i) for i in ids), limit=10))
