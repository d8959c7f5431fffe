from ._async_helpers import gather_in_order
from .http import get_json, wait_until_built


async def prices(base, ids, workers=4):
    items = await gather_in_order(
        (get_json(f"{base}/items/{i}") for i in ids), limit=min(workers, 10)
    )
    return {item["id"]: item["price"] for item in items}


async def names(base, ids):
    jsons = await gather_in_order(
        (get_json(f"{base}/items/{i}") for i in ids), limit=10
    )
    return [json["name"] for json in jsons]


async def build_then_read(base, job):
    # The poll paces the read after it: they stay in order.
    await wait_until_built(f"{base}/jobs/{job}")
    return await get_json(f"{base}/jobs/{job}/result")
