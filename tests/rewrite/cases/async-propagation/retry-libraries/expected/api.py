import json

import backoff
import httpx
from tenacity import (
    AsyncRetrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_fixed,
)

from _async_helpers import TLS_CONTEXT

RETRYABLE = (
    httpx.NetworkError,
    httpx.ConnectTimeout,
    httpx.WriteTimeout,
    httpx.RemoteProtocolError,
    httpx.ProxyError,
    httpx.TimeoutException,
)


async def create(base, payload):
    async for attempt in AsyncRetrying(
        stop=stop_after_attempt(3),
        wait=wait_fixed(0.01),
        retry=retry_if_exception_type(httpx.HTTPStatusError),
        reraise=True,
    ):
        with attempt:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                r = await http_client.post(base + "/items", json=payload, timeout=5)
            if r.is_error:
                r.raise_for_status()
    return r.json()


@retry(stop=stop_after_attempt(3), wait=wait_fixed(0.01), retry=retry_if_exception_type(RETRYABLE))
async def status(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


@backoff.on_exception(
    backoff.constant,
    (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ),
    max_tries=3,
    interval=0.01,
)
async def health(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


def fatal_code(e):
    # backoff's recipe: give up on a 4xx, retry everything else
    return getattr(e, "response", None) is not None and 400 <= getattr(
        e, "response", None
    ).status_code < 500


@backoff.on_exception(
    backoff.constant,
    (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError),
    max_tries=3,
    interval=0.01,
    giveup=fatal_code,
)
async def checked(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(url, timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()
