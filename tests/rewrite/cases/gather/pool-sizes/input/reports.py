"""Thread pools around fan-outs: sized at run time, made without ``with``, shared."""

from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests


def get_report(base, report_id):
    response = requests.get(f"{base}/v1/reports/{report_id}")
    response.raise_for_status()
    return response.json()


def reports(base, report_ids, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(partial(get_report, base), report_ids))


class Client:
    def __init__(self, base, workers=4):
        self.base = base
        self.workers = workers

    def titles(self, report_ids):
        with ThreadPoolExecutor(self.workers) as pool:
            return sorted(pool.map(lambda i: get_report(self.base, i)["title"], report_ids))


def default_sized(base, report_ids, workers=None):
    # max_workers=None is the default pool: its size is not the code's, nor the bound.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(partial(get_report, base), report_ids))


def summaries(base, report_ids):
    executor = ThreadPoolExecutor(max_workers=8)
    try:
        return [r["summary"] for r in executor.map(partial(get_report, base), report_ids)]
    finally:
        executor.shutdown(wait=True)


def shut_down_after(base, report_ids):
    pool = ThreadPoolExecutor(max_workers=8)
    found = list(pool.map(partial(get_report, base), report_ids))
    pool.shutdown()
    return found


def shared_pool(base, report_ids):
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(partial(get_report, base), report_ids))
        pool.submit(print, f"{len(found)} reports").result()
    return found
