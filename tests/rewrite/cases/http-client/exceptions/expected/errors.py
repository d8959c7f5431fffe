import json

import httpx

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return None
    except httpx.TimeoutException:
        return "timeout"
    except httpx.HTTPStatusError as exc:
        return str(exc)
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError):
        return "error"


def is_network_problem(exc: Exception) -> bool:
    return isinstance(
        exc,
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ),
    )


def status_of(resp: httpx.Response) -> int:
    return resp.status_code


async def fetch_quietly(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
        ValueError,
    ):
        return None


async def failure(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=5)
        if response.is_error:
            response.raise_for_status()
    except httpx.HTTPStatusError as err:
        return (
            err.response.status_code,
            err.response.reason_phrase,
            not err.response.is_error,
        )
    return response.status_code, response.reason_phrase, not response.is_error
