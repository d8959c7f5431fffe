"""Calls made for what they do: gathered with their results dropped, or kept in
order when they write or change their receiver."""

ROUTES = {
    **{f"GET shop.example.com /api/items/{i}": (200, {"name": f"item {i}"}) for i in (1, 2, 3)},
    **{f"POST shop.example.com /api/items/{i}/sync": (200, {"ok": True}) for i in (1, 2, 3)},
    "GET shop.example.com /api/items/404": (404, {"error": "not found"}),
    "POST shop.example.com /api/items/404/sync": (404, {"error": "not found"}),
}


def drive(run):
    store = run.module("store")
    for name in ("sync_all", "mark_all", "check_all", "check_and_count", "warm_names"):
        run.check(name, getattr(store, name), [3, 1, 2])
        run.check(f"{name}, one missing", getattr(store, name), [3, 404, 1])
    run.check("check then name", store.check_then_name, 1, 2)
    run.check("check then name, one missing", store.check_then_name, 404, 2)
