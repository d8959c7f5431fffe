"""Futures appended in a loop: a gather when only their results are taken."""

from concurrent.futures import ThreadPoolExecutor, wait

import requests


def get_job(job_id):
    response = requests.get(f"http://jobs/v1/jobs/{job_id}")
    response.raise_for_status()
    return response.json()


def statuses(job_ids):
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = []
        for job_id in job_ids:
            futures.append(executor.submit(get_job, job_id))
        return {f.result()["id"]: f.result()["status"] for f in futures}


def owners(job_ids):
    owners = []
    with ThreadPoolExecutor(max_workers=4) as executor:
        pending = []
        for job_id in job_ids:
            pending.append(executor.submit(get_job, job_id))
        for future in pending:
            owners.append(future.result()["owner"])
    return owners


def finished(job_ids):
    # The futures are waited on as futures: they stay in the pool's threads.
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = []
        for job_id in job_ids:
            futures.append(executor.submit(get_job, job_id))
        done, _ = wait(futures)
        return len(done)
