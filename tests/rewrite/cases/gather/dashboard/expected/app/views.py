import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from flask import Blueprint, jsonify, request

from .upstream import fetch_events, fetch_rates, fetch_weather


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
async def dashboard():
    city = request.args.get("city", "Paris")
    weather, events, rates = await _gather_in_order(
        fetch_weather(city),
        fetch_events(city),
        fetch_rates("EUR"),
    )
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])
