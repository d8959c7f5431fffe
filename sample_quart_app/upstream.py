"""Clients for the upstream services.

One module-level ``requests.Session`` carries the default headers (user agent
and API key) and keeps connections alive between calls.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
from quart import current_app

from ._async_helpers import TLS_CONTEXT, PoolPerOrigin

F = TypeVar("F", bound=Callable[..., Any])

API_KEY = os.environ.get("UPSTREAM_API_KEY", "dev-key")
USER_AGENT = "legacy-dashboard/1.4"


def _new_session() -> httpx.AsyncClient:
    session = httpx.AsyncClient(
        follow_redirects=True, timeout=None, transport=PoolPerOrigin(verify=TLS_CONTEXT)
    )
    session.headers.update({"User-Agent": USER_AGENT, "X-Api-Key": API_KEY})
    return session


# One client for the process: Quart serves every request on one event loop.
session: httpx.AsyncClient


async def open_session() -> None:
    global session
    session = _new_session()


async def close_session() -> None:
    await session.aclose()


class UpstreamError(Exception):
    """An upstream answered with an error status or an unusable body."""

    def __init__(self, service: str, message: str, status: int = 502) -> None:
        super().__init__(f"{service}: {message}")
        self.service = service
        self.message = message
        self.status = status


def retry(attempts: int = 3, backoff: float = 0.05) -> Callable[[F], F]:
    """Retry an idempotent call on connection errors, backing off between tries."""

    def decorator(func: F) -> F:
        @functools.wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(attempts):
                try:
                    return await func(*args, **kwargs)
                except (
                    httpx.NetworkError,
                    httpx.ConnectTimeout,
                    httpx.WriteTimeout,
                    httpx.RemoteProtocolError,
                    httpx.ProxyError,
                ):
                    if attempt == attempts - 1:
                        raise
                    await asyncio.sleep(backoff * 2**attempt)
            return None

        return wrapper  # type: ignore[return-value]

    return decorator


def service_url(service: str, path: str) -> str:
    return current_app.config[f"{service.upper()}_URL"] + path


def _timeout() -> float:
    return float(current_app.config["HTTP_TIMEOUT"])


def _json(service: str, resp: httpx.Response) -> Any:
    if resp.status_code == 404:
        raise UpstreamError(service, "not found", status=404)
    if resp.is_error:
        raise UpstreamError(service, f"upstream answered {resp.status_code}")
    try:
        return resp.json()
    except ValueError:
        raise UpstreamError(service, "malformed JSON") from None


@retry()
async def fetch_weather(city: str) -> dict[str, Any]:
    resp = await session.get(
        service_url("weather", "/v1/weather"), params={"city": city}, timeout=_timeout()
    )
    return _json("weather", resp)


@retry()
async def fetch_events(city: str) -> dict[str, Any]:
    resp = await session.get(
        service_url("events", "/v1/events"), params={"city": city}, timeout=_timeout()
    )
    return _json("events", resp)


@retry()
async def fetch_rates(base: str = "EUR") -> dict[str, Any]:
    resp = await session.get(
        service_url("rates", "/v1/rates"), params={"base": base}, timeout=_timeout()
    )
    return _json("rates", resp)


async def fetch_user(user_id: int) -> dict[str, Any]:
    resp = await session.get(service_url("social", f"/v1/users/{user_id}"), timeout=_timeout())
    return _json("social", resp)


async def fetch_following(user_id: int) -> list[int]:
    resp = await session.get(
        service_url("social", f"/v1/users/{user_id}/following"), timeout=_timeout()
    )
    return list(_json("social", resp)["ids"])


async def fetch_latest_post(user_id: int) -> dict[str, Any]:
    resp = await session.get(
        service_url("social", f"/v1/users/{user_id}/posts/latest"), timeout=_timeout()
    )
    return _json("social", resp)


async def charge_payment(order_id: str, amount_cents: int, currency: str) -> httpx.Response:
    return await session.post(
        service_url("payments", "/v1/charges"),
        json={"order_id": order_id, "amount_cents": amount_cents, "currency": currency},
        timeout=_timeout(),
    )


async def reserve_stock(order_id: str, sku: str, quantity: int) -> httpx.Response:
    return await session.post(
        service_url("inventory", "/v1/reservations"),
        json={"order_id": order_id, "sku": sku, "quantity": quantity},
        timeout=_timeout(),
    )


async def start_report(kind: str) -> str:
    resp = await session.post(
        service_url("jobs", "/v1/reports"), json={"kind": kind}, timeout=_timeout()
    )
    if resp.is_error:
        resp.raise_for_status()
    return str(resp.json()["job_id"])


async def wait_for_report(job_id: str) -> dict[str, Any] | None:
    """Poll the job until it is done, backing off between polls; None if it never is."""
    delay = float(current_app.config["REPORT_POLL_INTERVAL"])
    for _ in range(int(current_app.config["REPORT_MAX_POLLS"])):
        resp = await session.get(service_url("jobs", f"/v1/reports/{job_id}"), timeout=_timeout())
        if resp.is_error:
            resp.raise_for_status()
        status = resp.json()
        if status["status"] == "done":
            return dict(status["result"])
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
    return None


async def fetch_products_page(url: str) -> dict[str, Any]:
    resp = await session.get(url, timeout=_timeout())
    return _json("catalog", resp)
