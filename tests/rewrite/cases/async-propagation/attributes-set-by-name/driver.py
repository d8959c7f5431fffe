"""Classes that refuse ``__setattr__`` set their own attributes around it:
through a helper method (``self._set("_client", client)`` over
``object.__setattr__``), ``object.__setattr__`` itself, ``setattr(self, ...)``
and ``super().__setattr__``. With a constant name each is an assignment, so
the client's type flows into the attribute: every ``self._client.get()`` is
awaited, where the analysis could not tell what it called before. A record
loads once (one request for two reads)."""

ROUTES = {
    "GET api.example.com /records/1": (200, {"name": "one"}),
    "GET api.example.com /records/2": (200, {"name": "two"}),
    "GET api.example.com /records/9": (404, {"error": "missing"}),
    "GET api.example.com /status": (200, {"state": "up"}),
}


def drive(run):
    checks = run.module("checks")
    base = run.url("api.example.com")
    run.check("record loads once", checks.record_name, base, 1)
    run.check("record missing", checks.record_name, base, 9)
    run.check("frozen", checks.frozen, base)
    run.check("guarded", checks.guarded, base)
    run.check("setting refused", checks.refused, base)
