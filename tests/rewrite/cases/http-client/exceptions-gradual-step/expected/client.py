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
    except (requests.Timeout, httpx.TimeoutException, ValueError):
        return {"error": "timeout or bad JSON"}


async def listing(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (requests.exceptions.JSONDecodeError, json.JSONDecodeError):
        return []


def status_of(resp: requests.Response) -> int:
    return resp.status_code


def is_network_problem(exc: requests.RequestException) -> bool:
    return isinstance(
        exc,
        (
            requests.ConnectionError,
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ),
    )
