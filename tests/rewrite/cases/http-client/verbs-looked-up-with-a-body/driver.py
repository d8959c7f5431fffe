"""A session's verb looked up by name (``getattr(session, method.lower())``), kept in
a local only ever called or called at once, and given a body: the method stays
async on the client, through ``request``, as httpx's get takes no body."""

ROUTES = {
    "GET store.example.com /items": (200, [{"name": "lamp"}]),
    "POST store.example.com /items": (201, {"name": "desk"}),
    "DELETE store.example.com /items": (404, {"error": "gone"}),
}


def drive(run):
    store = run.module("store")
    base = run.url("store.example.com")
    shop = store.Store(base)
    run.check("items", shop.items)
    run.check("add", shop.add, "desk")
    run.check("get at once", shop.send_at_once, "GET", "/items")
    run.check("post at once", shop.send_at_once, "POST", "/items", {"name": "desk"})
    run.check("delete missing", shop.send, "DELETE", "/items")
