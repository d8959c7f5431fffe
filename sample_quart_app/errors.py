"""JSON error bodies for API failures, whatever raised them."""

from __future__ import annotations

import json

import httpx
from quart import Quart, jsonify
from quart.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from .upstream import UpstreamError


def upstream_error(exc: UpstreamError) -> ResponseReturnValue:
    return jsonify(error=exc.message, service=exc.service), exc.status


def upstream_timeout(exc: httpx.TimeoutException) -> ResponseReturnValue:
    return jsonify(error="upstream timed out"), 504


def upstream_unreachable(exc: httpx.HTTPError) -> ResponseReturnValue:
    return jsonify(error="upstream unavailable"), 502


def http_error(exc: HTTPException) -> ResponseReturnValue:
    return jsonify(error=exc.description), exc.code or 500


def init_app(app: Quart) -> None:
    app.register_error_handler(UpstreamError, upstream_error)
    app.register_error_handler(httpx.TimeoutException, upstream_timeout)
    app.register_error_handler(httpx.HTTPError, upstream_unreachable)
    app.register_error_handler(httpx.InvalidURL, upstream_unreachable)
    app.register_error_handler(json.JSONDecodeError, upstream_unreachable)
    app.register_error_handler(HTTPException, http_error)
