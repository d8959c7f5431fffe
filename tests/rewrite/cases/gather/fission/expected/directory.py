import logging
from functools import partial

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes

log = logging.getLogger(__name__)
BASE = "http://x"


async def fetch(i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{i}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def fetch_with(base, i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{base}/{i}")).json()


async def names_by_id(ids: list[int]):
    names = {}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        outcomes = await gather_outcomes(
            (http_client.get(f"{BASE}/{i}") for i in ids), limit=10
        )
    for i, outcome in zip(ids, outcomes):
        log.info("fetching %s", i)
        response = outcome.result()
        if response.status_code == 404:
            continue
        names[i] = response.json()["name"]
    return names


async def found_and_missing(ids: list[int]):
    found, missing = [], []
    outcomes = await gather_outcomes(
        (fetch(i) for i in ids), limit=10, caught=httpx.HTTPStatusError
    )
    for i, outcome in zip(ids, outcomes):
        try:
            item = outcome.result()
        except httpx.HTTPStatusError:
            missing.append(i)
            continue
        found.append(item["name"])
    return found, missing


async def pairs_or_missing(ids: list[int]):
    pairs, missing = [], []
    outcomes = await gather_outcomes(
        ((fetch(i), fetch_with(BASE, i)) for i in ids),
        limit=10,
        caught=httpx.HTTPStatusError,
    )
    for i, (item_outcome, twin_outcome) in zip(ids, outcomes):
        try:
            item = item_outcome.result()
            twin = twin_outcome.result()
        except httpx.HTTPStatusError:
            missing.append(i)
            continue
        pairs.append((item["name"], twin["name"]))
    return pairs, missing


async def statuses(ids: list[int]):
    names, failed = [], []
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        outcomes = await gather_outcomes(
            (http_client.get(f"{BASE}/{i}") for i in ids),
            limit=10,
            caught=httpx.HTTPStatusError,
            raise_for_status=True,
        )
    for outcome in outcomes:
        try:
            response = outcome.result()
            if response.is_error:
                response.raise_for_status()
            names.append(response.json()["name"])
        except httpx.HTTPStatusError as error:
            failed.append(error.response.status_code)
    return names, failed


async def names(ids):
    results = await gather_in_order((fetch(i) for i in ids), limit=10)
    return [result["name"] for result in results]


async def labels(ids: list[int]):
    results = await gather_in_order((fetch(i) for i in ids), limit=10)
    return {i: result["name"].upper() for i, result in zip(ids, results)}


async def summary():
    first, second, result = await gather_in_order(
        fetch(1),
        fetch(2),
        fetch(3),
    )
    label = first["name"].title()
    return label, second["name"], result["name"]


async def pooled(ids):
    results = await gather_in_order((fetch(i) for i in ids), limit=4)
    return [result["name"] for result in results]


async def partial_map(ids):
    return await gather_in_order(map(partial(fetch_with, BASE), ids), limit=10)


async def pages(start):
    items = []
    cursor = start
    for _ in range(3):
        page = await fetch(cursor)
        items.append(page["name"])
        cursor = page["next"]
    return items
