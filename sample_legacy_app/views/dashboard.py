"""The dashboard: weather, events and exchange rates for a city."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from ..upstream import fetch_events, fetch_rates, fetch_weather
from .timing import timed

bp = Blueprint("dashboard", __name__)


@bp.get("/api/dashboard")
@timed
def dashboard() -> ResponseReturnValue:
    city = request.args.get("city", current_app.config["DEFAULT_CITY"])
    weather = fetch_weather(city)
    events = fetch_events(city)
    rates = fetch_rates("EUR")
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])


@bp.get("/city/<name>")
def city_page(name: str) -> ResponseReturnValue:
    weather = fetch_weather(name)
    events = fetch_events(name)
    return render_template("city.html", city=name, weather=weather, events=events["events"])


@bp.get("/api/weather/<city>")
def weather(city: str) -> ResponseReturnValue:
    return jsonify(fetch_weather(city))
