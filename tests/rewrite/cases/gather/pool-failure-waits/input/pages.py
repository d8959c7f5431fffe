import concurrent.futures

import requests


def fetch(base, name):
    resp = requests.get(f"{base}/pages/{name}", timeout=10)
    resp.raise_for_status()
    return resp.json()


def fetch_pages(base, names):
    """Every page, by name: the module's own names, ``concurrent.futures.<name>``."""
    pages = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = {pool.submit(fetch, base, name): name for name in names}
        for future in concurrent.futures.as_completed(futures):
            pages[futures[future]] = future.result()
    return pages
