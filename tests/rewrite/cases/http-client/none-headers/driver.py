"""Headers whose value is None: requests leaves them out of the request (a
session's and a request's alike), httpx refuses them with a TypeError. A
literal None, a parameter defaulting to None, a module constant holding one
and copied, and a session's headers set up with one: the upstream must receive
the same headers, and a header with a value is still sent."""

ROUTES = {
    "GET api.example.com /usage/2024-01": (200, {"cpu": 3}),
    "GET api.example.com /items": (200, {"items": []}),
}


def drive(run):
    tenants = run.module("tenants")
    run.check("no tenant, no request id", lambda: run.call(tenants.TenantClient().usage, "2024-01"))
    run.check(
        "tenant and request id",
        lambda: run.call(tenants.TenantClient("acme").usage, "2024-01", request_id="r-1"),
    )
    run.check("constant holding None", tenants.traced, "/items")
    run.check("constant, None replaced", tenants.traced, "/items", trace="t-9")
    run.check("literal None and a None default", tenants.signed, "/items", "sig")
    run.check("key given", tenants.signed, "/items", "sig", key="k-1")
    run.check("plain", tenants.plain, "/items", "tok")
    run.check("local session, no actor", tenants.audit, "/items")
    run.check("local session, actor", tenants.audit, "/items", actor="ann")
