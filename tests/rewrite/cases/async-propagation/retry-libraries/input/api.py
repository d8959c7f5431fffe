import backoff
import requests
from tenacity import (
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_fixed,
)

RETRYABLE = (requests.ConnectionError, requests.Timeout)


def create(base, payload):
    for attempt in Retrying(
        stop=stop_after_attempt(3),
        wait=wait_fixed(0.01),
        retry=retry_if_exception_type(requests.HTTPError),
        reraise=True,
    ):
        with attempt:
            r = requests.post(base + "/items", json=payload, timeout=5)
            r.raise_for_status()
    return r.json()


@retry(stop=stop_after_attempt(3), wait=wait_fixed(0.01), retry=retry_if_exception_type(RETRYABLE))
def status(url):
    return requests.get(url, timeout=5).json()


@backoff.on_exception(backoff.constant, requests.ConnectionError, max_tries=3, interval=0.01)
def health(url):
    return requests.get(url, timeout=5).json()


def fatal_code(e):
    # backoff's recipe: give up on a 4xx, retry everything else
    return e.response is not None and 400 <= e.response.status_code < 500


@backoff.on_exception(
    backoff.constant, requests.RequestException, max_tries=3, interval=0.01, giveup=fatal_code
)
def checked(url):
    r = requests.get(url, timeout=5)
    r.raise_for_status()
    return r.json()
