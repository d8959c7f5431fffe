import time

import requests

RETRY_STATUSES = {502, 503, 504}


def get_json(url, retries=2, backoff=0.01):
    """GET a JSON document, retrying transient upstream errors."""
    for attempt in range(retries + 1):
        response = requests.get(url, timeout=5)
        if response.status_code in RETRY_STATUSES and attempt < retries:
            time.sleep(backoff * (2**attempt))
            continue
        response.raise_for_status()
        return response.json()


def wait_until_built(url, attempts=5):
    """Poll a job: 202 while it is being built."""
    for _ in range(attempts):
        response = requests.get(url, timeout=5)
        if response.status_code == 202:
            time.sleep(0.01)
            continue
        return response.json()
    raise TimeoutError(url)
