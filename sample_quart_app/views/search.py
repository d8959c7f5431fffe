"""Search, with a tight timeout: a slow search is worse than none."""

from __future__ import annotations

import json

import httpx
from quart import Blueprint, current_app, jsonify, request
from quart.typing import ResponseReturnValue

from .._async_helpers import TLS_CONTEXT
from ..upstream import API_KEY, service_url

bp = Blueprint("search", __name__)


@bp.get("/api/search")
async def search() -> ResponseReturnValue:
    query = request.args.get("q", "").strip()
    if not query:
        return jsonify(error="q is required"), 400
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            resp = await http_client.get(
                service_url("search", "/v1/search"),
                params={"q": query},
                headers={"X-Api-Key": API_KEY},
                timeout=current_app.config["SEARCH_TIMEOUT"],
            )
    except httpx.TimeoutException:
        return jsonify(error="search timed out"), 504
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError):
        return jsonify(error="search unavailable"), 502
    if resp.is_error:
        return jsonify(error="search failed", upstream_status=resp.status_code), 502
    try:
        data = resp.json()
    except ValueError:
        return jsonify(error="search returned malformed JSON"), 502
    return jsonify(query=query, results=data["results"])
