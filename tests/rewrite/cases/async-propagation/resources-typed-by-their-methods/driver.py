"""Resource classes a client makes for itself from a registry found by looking
through a module (``setattr(self, name, cls(self))``), holding the client that
made them: no call site shows what ``self.client`` or ``client.payment_link``
holds. The methods called through each name tell it (``capture``, ``attach``:
no other class has them; ``payment_link`` and ``document`` both fit
``create``/``close``, and the name says which), so ``self.client.get()`` and
``client.payment_link.close()``, named like a dict's and a file's methods, are
awaited; the test case's client is made in a base class's ``setUp`` through
the package's re-export."""

ROUTES = {
    "GET pay.example.com /v1/payments/p1": (200, {"id": "p1"}),
    "POST pay.example.com /v1/payments/p1/capture": (200, {"status": "captured"}),
    "DELETE pay.example.com /v1/payments/p1": (200, {"deleted": True}),
    "POST pay.example.com /v1/links": (200, {"id": "l7"}),
    "POST pay.example.com /v1/links/l7/close": (200, {"status": "closed"}),
    "PUT pay.example.com /v1/documents/d1": (200, {"size": 5}),
    "GET pay.example.com /v1/payments/p2": (404, {"error": "none"}),
}


def drive(run):
    client = run.module("pay").Client
    url = "https://pay.example.com/v1"
    run.check("fetch", lambda: client(url).payment.fetch("p1"))
    run.check("close", lambda: client(url).payment_link.close("l7"))
    run.check("missing", lambda: client(url).payment.fetch("p2"))
