"""Thread pools around fan-outs: sized at run time, made without ``with``, shared."""

from concurrent.futures import ThreadPoolExecutor
from functools import partial

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def get_report(base, report_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/v1/reports/{report_id}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def reports(base, report_ids, workers):
    return await gather_in_order(
        map(partial(get_report, base), report_ids), limit=min(workers, 10)
    )


class Client:
    def __init__(self, base, workers=4):
        self.base = base
        self.workers = workers

    async def titles(self, report_ids):
        reports = await gather_in_order(
            (get_report(self.base, i) for i in report_ids),
            limit=min(self.workers, 10),
        )
        return sorted(report["title"] for report in reports)


async def default_sized(base, report_ids, workers=None):
    # max_workers=None is the default pool: its size is not the code's, nor the bound.
    return await gather_in_order(map(partial(get_report, base), report_ids), limit=10)


async def summaries(base, report_ids):
    return [
        r["summary"]
        for r in await gather_in_order(map(partial(get_report, base), report_ids), limit=8)
    ]


async def shut_down_after(base, report_ids):
    found = await gather_in_order(map(partial(get_report, base), report_ids), limit=8)
    return found


async def shared_pool(base, report_ids):
    with ThreadPoolExecutor(max_workers=8) as pool:
        # TODO(migrate MIG005): the calls run on the event loop now,
        #   not in the thread pool
        found = await gather_in_order(
            map(partial(get_report, base), report_ids), limit=8
        )
        pool.submit(print, f"{len(found)} reports").result()
    return found
