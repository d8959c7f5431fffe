from flask import Blueprint, jsonify, request

from .upstream import fetch_events, fetch_rates, fetch_weather

bp = Blueprint("dashboard", __name__)


@bp.get("/api/dashboard")
def dashboard():
    city = request.args.get("city", "Paris")
    weather = fetch_weather(city)
    events = fetch_events(city)
    rates = fetch_rates("EUR")
    return jsonify(city=city, weather=weather, events=events["events"], rates=rates["rates"])
