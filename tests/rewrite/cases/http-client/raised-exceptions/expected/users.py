import json

import httpx

from _async_helpers import TLS_CONTEXT, StatusError

BASE = "https://api.example.com"


class ApiError(StatusError):
    pass


class NotFound(ApiError):
    def __init__(self, what, response=None):
        super().__init__(f"{what} not found", response=response)
        self.what = what


async def get_user(uid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/users/{uid}", timeout=5)
    if r.status_code == 404:
        raise NotFound(f"user {uid}", response=r)
    if r.status_code >= 500:
        raise httpx.HTTPStatusError(
            f"server error {r.status_code}", response=r, request=r.request
        )
    if r.status_code != 200:
        raise StatusError("unexpected status")
    return r.json()


async def describe(uid):
    try:
        return (await get_user(uid))["name"]
    except NotFound as exc:
        return f"missing: {exc.what} ({exc.response.status_code})"
    except httpx.HTTPStatusError as exc:
        status = exc.response.status_code if exc.response is not None else None
        return f"failed: {exc} ({status})"
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError) as exc:
        if getattr(exc, "response", None) is not None:
            return f"failed with a response: {getattr(exc, 'response', None).status_code}"
        return "unreachable or unreadable"


async def check(uid):
    try:
        await get_user(uid)
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError) as exc:
        raise httpx.HTTPError(f"user {uid} unavailable") from exc
    return True


async def ready(uid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/users/{uid}", timeout=5)
    if r.status_code == 202:
        # Still queued: the caller treats it as a timeout.
        raise httpx.TimeoutException("")
    return r.json()


async def wait(uid):
    try:
        return await ready(uid)
    except httpx.TimeoutException as exc:
        return f"timed out: {exc}"
