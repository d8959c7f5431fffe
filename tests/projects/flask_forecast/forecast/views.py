from flask import Blueprint, abort, jsonify

from . import upstream

bp = Blueprint("forecast", __name__)


@bp.route("/forecast/<city>")
def forecast(city):
    try:
        data = upstream.fetch_forecast(city)
    except upstream.UpstreamError as exc:
        return jsonify(error=str(exc)), 502
    if data is None:
        abort(404)
    return jsonify(city=city, high=max(data["temps"]), low=min(data["temps"]))


@bp.route("/alerts/<region>")
def alerts(region):
    return jsonify(region=region, alerts=upstream.fetch_alerts(region))


@bp.route("/health")
def health():
    return {"status": "ok"}
