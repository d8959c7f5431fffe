"""Futures appended in a loop: a gather when only their results are taken."""

from concurrent.futures import ThreadPoolExecutor, wait

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT, gather_in_order


async def get_job(job_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"http://jobs/v1/jobs/{job_id}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def statuses(job_ids):
    jobs = await gather_in_order((get_job(job_id) for job_id in job_ids), limit=4)
    return {job["id"]: job["status"] for job in jobs}


async def owners(job_ids):
    owners = []
    jobs = await gather_in_order((get_job(job_id) for job_id in job_ids), limit=4)
    for job in jobs:
        owners.append(job["owner"])
    return owners


def finished(job_ids):
    # The futures are waited on as futures: they stay in the pool's threads.
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = []
        for job_id in job_ids:
            futures.append(executor.submit(async_to_sync(get_job), job_id))
        done, _ = wait(futures)
        return len(done)
