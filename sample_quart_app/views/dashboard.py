"""The dashboard: weather, events and exchange rates for a city."""

from __future__ import annotations

from quart import Blueprint, current_app, jsonify, render_template, request
from quart.typing import ResponseReturnValue

from .._async_helpers import gather_in_order
from ..upstream import fetch_events, fetch_rates, fetch_weather
from .timing import timed

bp = Blueprint("dashboard", __name__)


@bp.get("/api/dashboard")
@timed
async def dashboard() -> ResponseReturnValue:
    city = request.args.get("city", current_app.config["DEFAULT_CITY"])
    weather, events, rates = await gather_in_order(
        fetch_weather(city),
        fetch_events(city),
        fetch_rates("EUR"),
    )
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])


@bp.get("/city/<name>")
async def city_page(name: str) -> ResponseReturnValue:
    weather, events = await gather_in_order(
        fetch_weather(name),
        fetch_events(name),
    )
    return await render_template("city.html", city=name, weather=weather, events=events["events"])


@bp.get("/api/weather/<city>")
async def weather(city: str) -> ResponseReturnValue:
    return jsonify(await fetch_weather(city))
