import json

import httpx
import requests

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (
        requests.ConnectionError,
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return {"error": "unreachable"}
    except (
        requests.Timeout,
        httpx.TimeoutException,
        requests.exceptions.JSONDecodeError,
        json.JSONDecodeError,
    ):
        return {"error": "timeout or bad JSON"}


def ping(url):
    try:
        return requests.head(url, timeout=5).status_code
    except (
        requests.ConnectionError,
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return None
