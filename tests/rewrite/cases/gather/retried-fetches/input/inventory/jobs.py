from concurrent.futures import ThreadPoolExecutor

from .http import get_json, wait_until_built


def prices(base, ids, workers=4):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        items = list(pool.map(lambda i: get_json(f"{base}/items/{i}"), ids))
    return {item["id"]: item["price"] for item in items}


def names(base, ids):
    return [get_json(f"{base}/items/{i}")["name"] for i in ids]


def build_then_read(base, job):
    # The poll paces the read after it: they stay in order.
    wait_until_built(f"{base}/jobs/{job}")
    return get_json(f"{base}/jobs/{job}/result")
