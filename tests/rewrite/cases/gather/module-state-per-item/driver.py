"""A loop that changes module state the fetch reads just before it (the
module's session headers, a ``global TOKEN``, a config dict a URL builder
reads) stays sequential: gathered, every request would go out with the state
from before the loop. A loop whose fetch reads only module state no item
changes runs together."""

ROUTES = {
    "GET api.example.com /usage": (200, {"used": 1}),
    "GET api.example.com /me": (200, {"login": "someone"}),
    "GET api.example.com /eu/price": (200, {"price": 1}),
    "GET api.example.com /us/price": (200, {"price": 2}),
    "GET api.example.com /sizes/a": (200, {"size": 3}),
    "GET api.example.com /sizes/b": (200, {"size": 4}),
}


def drive(run):
    tenants = run.module("tenants")
    tenants.BASE = run.url("api.example.com")
    run.check("a header per tenant", tenants.usage_by_tenant, ["acme", "beta"])
    run.check("a token per identity", tenants.identities, ["t-ann", "t-bob"])
    run.check("a region per price", tenants.prices, ["us", "eu"])
    run.check("sizes", tenants.sizes, ["a", "b"])
