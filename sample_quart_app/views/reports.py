"""Reports are built by a slow job service: start one, then poll until done."""

from __future__ import annotations

from quart import Blueprint, jsonify, request
from quart.typing import ResponseReturnValue

from ..upstream import start_report, wait_for_report

bp = Blueprint("reports", __name__)


@bp.post("/api/reports")
async def create_report() -> ResponseReturnValue:
    kind = (await request.get_json(silent=True) or {}).get("kind", "sales")
    job_id = await start_report(kind)
    result = await wait_for_report(job_id)
    if result is None:
        return jsonify(error="report not ready in time", job_id=job_id), 504
    return jsonify(job_id=job_id, result=result)
