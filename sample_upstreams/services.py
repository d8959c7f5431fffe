"""Routes and handlers of the nine upstream services.

Handlers are plain functions: they do no I/O (latency and faults are applied by
the ASGI layer in :mod:`sample_upstreams.app`), and all data is derived
deterministically from the request so two runs give identical responses.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .state import ClusterState

__all__ = ["ROUTES", "Request", "Response", "Route", "match_route"]


@dataclass(frozen=True)
class Request:
    """What a handler needs to know about a request."""

    service: str
    method: str
    path: str
    query: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        """The decoded JSON body; raises ``ValueError`` for anything else."""
        return json.loads(self.body.decode("utf-8"))


@dataclass(frozen=True)
class Response:
    """A JSON response."""

    status: int
    payload: Any


Handler = Callable[[Request, ClusterState], Response]


@dataclass(frozen=True)
class Route:
    """``template`` uses ``{name}`` placeholders that match one path segment."""

    method: str
    template: str
    handler: Handler
    pattern: re.Pattern[str]


def _route(method: str, template: str, handler: Handler) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return Route(method, template, handler, re.compile(f"^{regex}$"))


def match_route(service: str, method: str, path: str) -> tuple[Route | None, bool]:
    """Find the route for a request.

    Returns ``(route, path_known)``: ``route`` is ``None`` when nothing matches the
    method; ``path_known`` tells 405 (path exists for another method) from 404.
    """
    path_known = False
    for route in ROUTES.get(service, []):
        if route.pattern.match(path):
            path_known = True
            if route.method == method:
                return route, True
    return None, path_known


def _digest(text: str) -> int:
    # hashlib rather than hash(): str hashes are randomised per process.
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def _error(status: int, message: str, **extra: Any) -> Response:
    return Response(status, {"error": message, **extra})


# -- weather / events / rates / search -----------------------------------------

CONDITIONS = ("sunny", "cloudy", "rain", "snow", "windy", "fog")


def weather(req: Request, state: ClusterState) -> Response:
    """``GET /v1/weather?city=X``."""
    city = req.query.get("city", "")
    if not city:
        return _error(400, "city required")
    d = _digest(city)
    temp_c = round(-5.0 + (d % 400) / 10.0, 1)  # -5.0 .. 34.9
    return Response(200, {"city": city, "temp_c": temp_c, "conditions": CONDITIONS[d % 6]})


def events(req: Request, state: ClusterState) -> Response:
    """``GET /v1/events?city=X``: three events in early December 2026."""
    city = req.query.get("city", "")
    if not city:
        return _error(400, "city required")
    base = _digest(city) % 1000 * 10
    kinds = ("Concert", "Market", "Festival", "Exhibition", "Marathon", "Film night")
    items = [
        {
            "id": base + i,
            "name": f"{city} {kinds[(base // 10 + i) % len(kinds)]}",
            "date": f"2026-12-0{i * 3 - 2 + (base // 10) % 3}",  # days 1..9
        }
        for i in (1, 2, 3)
    ]
    return Response(200, {"city": city, "events": items})


# Rates against EUR; other bases are derived by dividing, so they stay consistent.
EUR_RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86, "JPY": 162.3}


def rates(req: Request, state: ClusterState) -> Response:
    """``GET /v1/rates?base=EUR`` (``base`` defaults to EUR)."""
    base = req.query.get("base", "EUR").upper()
    if base not in EUR_RATES:
        return _error(400, "unknown base", base=base)
    scale = EUR_RATES[base]
    table = {cur: round(rate / scale, 4) for cur, rate in EUR_RATES.items() if cur != base}
    return Response(200, {"base": base, "rates": table})


def search(req: Request, state: ClusterState) -> Response:
    """``GET /v1/search?q=X``."""
    q = req.query.get("q", "")
    if not q:
        return _error(400, "q required")
    results = [{"id": i, "title": f"{q} result {i}"} for i in (1, 2, 3)]
    return Response(200, {"query": q, "results": results})


# -- social ---------------------------------------------------------------------

USER_IDS = range(1, 21)
FOLLOWING: dict[int, list[int]] = {1: list(range(2, 14)), 2: [1, 3]}


def _user_id(req: Request) -> int | None:
    raw = req.params.get("id", "")
    if not raw.isdigit():
        return None
    uid = int(raw)
    return uid if uid in USER_IDS else None


def social_user(req: Request, state: ClusterState) -> Response:
    """``GET /v1/users/{id}``."""
    uid = _user_id(req)
    if uid is None:
        return _error(404, "not found")
    return Response(200, {"id": uid, "name": f"User {uid}", "handle": f"user{uid}"})


def social_following(req: Request, state: ClusterState) -> Response:
    """``GET /v1/users/{id}/following``."""
    uid = _user_id(req)
    if uid is None:
        return _error(404, "not found")
    return Response(200, {"user_id": uid, "ids": list(FOLLOWING.get(uid, []))})


def social_latest_post(req: Request, state: ClusterState) -> Response:
    """``GET /v1/users/{id}/posts/latest``."""
    uid = _user_id(req)
    if uid is None:
        return _error(404, "not found")
    return Response(
        200,
        {
            "user_id": uid,
            "text": f"Post by user{uid}",
            "posted_at": f"2026-11-0{uid % 9 + 1}T12:00:00Z",
        },
    )


# -- payments / inventory / jobs ------------------------------------------------


def _json_object(req: Request, fields: dict[str, type]) -> dict[str, Any] | None:
    """The body as a dict with the given typed fields, or ``None`` if it is not one."""
    try:
        data = req.json()
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for name, kind in fields.items():
        value = data.get(name)
        # bool is an int subclass; a JSON true is not a valid amount.
        if not isinstance(value, kind) or isinstance(value, bool):
            return None
        if kind is str and not value:
            return None
    return data


def payments_charge(req: Request, state: ClusterState) -> Response:
    """``POST /v1/charges``; amounts above 100000 cents are declined."""
    data = _json_object(req, {"order_id": str, "amount_cents": int, "currency": str})
    if data is None or data["amount_cents"] <= 0:
        return _error(400, "bad request")
    if data["amount_cents"] > 100000:
        return _error(402, "card_declined")
    return Response(
        201,
        {
            "charge_id": f"ch_{data['order_id']}",
            "status": "succeeded",
            "amount_cents": data["amount_cents"],
        },
    )


def inventory_reserve(req: Request, state: ClusterState) -> Response:
    """``POST /v1/reservations``; every SKU starts with 5 items."""
    data = _json_object(req, {"order_id": str, "sku": str, "quantity": int})
    if data is None or data["quantity"] <= 0:
        return _error(400, "bad request")
    sku, quantity = data["sku"], data["quantity"]
    if not state.reserve(sku, quantity):
        return _error(409, "out_of_stock", sku=sku)
    return Response(
        201, {"reservation_id": f"res_{data['order_id']}", "sku": sku, "quantity": quantity}
    )


def jobs_create(req: Request, state: ClusterState) -> Response:
    """``POST /v1/reports``: starts a job that is done after a few polls."""
    data = _json_object(req, {"kind": str})
    if data is None:
        return _error(400, "bad request")
    return Response(202, {"job_id": state.create_job(data["kind"])})


def jobs_poll(req: Request, state: ClusterState) -> Response:
    """``GET /v1/reports/{job_id}``."""
    job_id = req.params["job_id"]
    polled = state.poll_job(job_id)
    if polled is None:
        return _error(404, "not found")
    kind, done = polled
    if not done:
        return Response(200, {"job_id": job_id, "status": "pending"})
    return Response(200, {"job_id": job_id, "status": "done", "result": {"kind": kind, "rows": 42}})


# -- catalog --------------------------------------------------------------------

PAGE_SIZE = 5
PAGES = 3


def catalog_products(req: Request, state: ClusterState) -> Response:
    """``GET /v1/products?page=N``: 15 products over 3 pages with absolute next links."""
    raw = req.query.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        return _error(400, "bad page")
    page = int(raw)
    first = (page - 1) * PAGE_SIZE + 1
    last = min(page * PAGE_SIZE, PAGES * PAGE_SIZE)
    items = [
        {"sku": f"SKU-{k:03d}", "name": f"Product {k}", "price_cents": 100 * k}
        for k in range(first, last + 1)
    ]
    base = state.base_urls.get("catalog", "")
    next_url = f"{base}/v1/products?page={page + 1}" if page < PAGES else None
    return Response(200, {"items": items, "next": next_url})


ROUTES: dict[str, list[Route]] = {
    "weather": [_route("GET", "/v1/weather", weather)],
    "events": [_route("GET", "/v1/events", events)],
    "rates": [_route("GET", "/v1/rates", rates)],
    "social": [
        _route("GET", "/v1/users/{id}", social_user),
        _route("GET", "/v1/users/{id}/following", social_following),
        _route("GET", "/v1/users/{id}/posts/latest", social_latest_post),
    ],
    "payments": [_route("POST", "/v1/charges", payments_charge)],
    "inventory": [_route("POST", "/v1/reservations", inventory_reserve)],
    "jobs": [
        _route("POST", "/v1/reports", jobs_create),
        _route("GET", "/v1/reports/{job_id}", jobs_poll),
    ],
    "search": [_route("GET", "/v1/search", search)],
    "catalog": [_route("GET", "/v1/products", catalog_products)],
}
