"""Orders: payment, then inventory, then sqlite; the order of calls matters."""

from __future__ import annotations

from sample_upstreams import UpstreamCluster

from .support import LiveApp

ORDER = {"sku": "SKU-001", "quantity": 2, "amount_cents": 2500, "currency": "EUR"}


def test_order_is_charged_then_reserved_then_stored(
    live: LiveApp, upstreams: UpstreamCluster
) -> None:
    response = live.post("/api/orders", json=ORDER)

    assert response.status_code == 201
    order = response.json()
    assert order == {
        "id": "ord-1",
        "sku": "SKU-001",
        "quantity": 2,
        "amount_cents": 2500,
        "currency": "EUR",
        "status": "confirmed",
        "charge_id": "ch_ord-1",
        "reservation_id": "res_ord-1",
    }
    payment, reservation = sorted(upstreams.log.entries(), key=lambda e: e.seq)
    assert (payment.service, reservation.service) == ("payments", "inventory")
    assert payment.end <= reservation.start
    assert payment.method == reservation.method == "POST"

    stored = live.get("/api/orders/ord-1")
    assert stored.status_code == 200
    assert stored.json() == order


def test_declined_payment_reserves_nothing(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.post("/api/orders", json={**ORDER, "amount_cents": 500_000})
    assert response.status_code == 402
    assert response.json() == {"error": "payment declined", "order_id": "ord-1"}
    assert [e.service for e in upstreams.log.entries()] == ["payments"]
    assert live.get("/api/orders/ord-1").json()["status"] == "declined"


def test_out_of_stock_is_409(live: LiveApp) -> None:
    response = live.post("/api/orders", json={**ORDER, "quantity": 6})
    assert response.status_code == 409
    assert response.json() == {"error": "out of stock", "order_id": "ord-1"}
    stored = live.get("/api/orders/ord-1").json()
    assert stored["status"] == "out_of_stock"
    assert stored["charge_id"] == "ch_ord-1"


def test_payment_service_error_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("payments", "error500")
    response = live.post("/api/orders", json=ORDER)
    assert response.status_code == 502
    assert response.json() == {"error": "payment failed", "order_id": "ord-1"}
    assert live.get("/api/orders/ord-1").json()["status"] == "failed"


def test_order_without_fields_is_400(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.post("/api/orders", json={"sku": "SKU-001"})
    assert response.status_code == 400
    assert response.json() == {"error": "sku, quantity and amount_cents are required"}
    assert upstreams.log.entries() == []


def test_unknown_order_is_404(live: LiveApp) -> None:
    response = live.get("/api/orders/ord-42")
    assert response.status_code == 404
    assert response.json() == {"error": "order not found"}


def test_orders_are_numbered_in_sequence(live: LiveApp) -> None:
    ids = [live.post("/api/orders", json={**ORDER, "quantity": 1}).json()["id"] for _ in range(3)]
    assert ids == ["ord-1", "ord-2", "ord-3"]
