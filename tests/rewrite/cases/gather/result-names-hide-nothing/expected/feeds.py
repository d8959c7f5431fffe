import json

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def get_json(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=10)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def feed_counts(base, names):
    counts = []
    fetched_jsons = await gather_in_order(
        (get_json(f"{base}/feeds/{name}") for name in names), limit=10
    )
    for fetched_json in fetched_jsons:
        counts.append(fetched_json["count"])
    try:
        pinned = (await get_json(f"{base}/feeds/pinned"))["count"]
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError):
        pinned = 0
    return counts, pinned
