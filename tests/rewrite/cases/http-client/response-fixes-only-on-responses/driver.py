"""What a migrated function returns gets the response fixes (``r.ok`` -> ``not
r.is_error``, ``r.reason`` -> ``r.reason_phrase``) only when it returns a response:
a ``Refund`` with its own ``ok`` and ``reason`` keeps them."""

ROUTES = {
    "GET shop.example.com /refunds/1": (200, {"reason": "late", "approved": False}),
    "GET shop.example.com /refunds/2": (200, {"reason": "", "approved": True}),
    "GET shop.example.com /status": (503, {"error": "maintenance"}),
}


def drive(run):
    refunds = run.module("refunds")
    base = run.url("shop.example.com")
    run.check("a refused refund", refunds.describe, base, 1)
    run.check("an approved refund", refunds.describe, base, 2)
    run.check("a service down", refunds.status, base)
