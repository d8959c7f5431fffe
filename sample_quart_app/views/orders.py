"""Orders: charge the card, then reserve the stock, then record the result."""

from __future__ import annotations

from asgiref.sync import sync_to_async
from quart import Blueprint, abort, jsonify, request
from quart.typing import ResponseReturnValue

from .. import db, upstream

insert_order = sync_to_async(db.insert_order)
update_order = sync_to_async(db.update_order)
load_order = sync_to_async(db.load_order)

bp = Blueprint("orders", __name__)


@bp.post("/api/orders")
async def create_order() -> ResponseReturnValue:
    payload = await request.get_json(silent=True) or {}
    try:
        sku = str(payload["sku"])
        quantity = int(payload["quantity"])
        amount_cents = int(payload["amount_cents"])
    except (KeyError, TypeError, ValueError):
        return jsonify(error="sku, quantity and amount_cents are required"), 400
    currency = str(payload.get("currency", "EUR"))

    order_id = await insert_order(sku, quantity, amount_cents, currency)
    # Payment must come first: stock is only reserved for paid orders.
    charge = await upstream.charge_payment(order_id, amount_cents, currency)
    if charge.status_code == 402:
        await update_order(order_id, "declined")
        return jsonify(error="payment declined", order_id=order_id), 402
    if charge.is_error:
        await update_order(order_id, "failed")
        return jsonify(error="payment failed", order_id=order_id), 502
    charge_id = charge.json()["charge_id"]

    reservation = await upstream.reserve_stock(order_id, sku, quantity)
    if reservation.status_code == 409:
        await update_order(order_id, "out_of_stock", charge_id=charge_id)
        return jsonify(error="out of stock", order_id=order_id), 409
    if reservation.is_error:
        reservation.raise_for_status()
    reservation_id = reservation.json()["reservation_id"]

    await update_order(order_id, "confirmed", charge_id=charge_id, reservation_id=reservation_id)
    return jsonify(await load_order(order_id)), 201


@bp.get("/api/orders/<order_id>")
def get_order(order_id: str) -> ResponseReturnValue:
    order = db.load_order(order_id)
    if order is None:
        abort(404, description="order not found")
    return jsonify(order)
