"""Search, with a tight timeout: a slow search is worse than none."""

from __future__ import annotations

import requests
from flask import Blueprint, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from ..upstream import API_KEY, service_url

bp = Blueprint("search", __name__)


@bp.get("/api/search")
def search() -> ResponseReturnValue:
    query = request.args.get("q", "").strip()
    if not query:
        return jsonify(error="q is required"), 400
    try:
        resp = requests.get(
            service_url("search", "/v1/search"),
            params={"q": query},
            headers={"X-Api-Key": API_KEY},
            timeout=current_app.config["SEARCH_TIMEOUT"],
        )
    except requests.Timeout:
        return jsonify(error="search timed out"), 504
    except requests.RequestException:
        return jsonify(error="search unavailable"), 502
    if not resp.ok:
        return jsonify(error="search failed", upstream_status=resp.status_code), 502
    try:
        data = resp.json()
    except ValueError:
        return jsonify(error="search returned malformed JSON"), 502
    return jsonify(query=query, results=data["results"])
