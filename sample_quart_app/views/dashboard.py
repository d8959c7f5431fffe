"""The dashboard: weather, events and exchange rates for a city."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from quart import Blueprint, current_app, jsonify, render_template, request
from quart.typing import ResponseReturnValue

from ..upstream import fetch_events, fetch_rates, fetch_weather
from .timing import timed


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()


bp = Blueprint("dashboard", __name__)


@bp.get("/api/dashboard")
@timed
async def dashboard() -> ResponseReturnValue:
    city = request.args.get("city", current_app.config["DEFAULT_CITY"])
    weather, events, rates = await _gather_in_order(
        fetch_weather(city),
        fetch_events(city),
        fetch_rates("EUR"),
    )
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])


@bp.get("/city/<name>")
async def city_page(name: str) -> ResponseReturnValue:
    weather, events = await _gather_in_order(
        fetch_weather(name),
        fetch_events(name),
    )
    return await render_template("city.html", city=name, weather=weather, events=events["events"])
