import time
from concurrent.futures import ThreadPoolExecutor

import requests


def get_json(url):
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.json()


def staggered(base, names, gap=0.01):
    """Submit one request every `gap` seconds so the API never sees a burst."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = []
        for name in names:
            futures.append(pool.submit(get_json, f"{base}/feeds/{name}"))
            time.sleep(gap)
        return [f.result()["count"] for f in futures]
