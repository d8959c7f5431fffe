from flask import Blueprint, jsonify, request

from ._async_helpers import gather_in_order
from .upstream import fetch_events, fetch_rates, fetch_weather

bp = Blueprint("dashboard", __name__)


@bp.get("/api/dashboard")
async def dashboard():
    city = request.args.get("city", "Paris")
    weather, events, rates = await gather_in_order(
        fetch_weather(city),
        fetch_events(city),
        fetch_rates("EUR"),
    )
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])
