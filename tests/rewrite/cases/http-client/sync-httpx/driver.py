"""Sync httpx (module function and a shared Client) becomes AsyncClient."""

ROUTES = {"GET api.example.com /a": (200, {"a": 1})}


def drive(run):
    clients = run.module("clients")
    base = run.url("api.example.com")
    run.check("one-off", clients.fetch_one_off, base + "/a")
    run.check("shared", clients.fetch_shared, "/a")
    run.check("shared, missing", clients.fetch_shared, "/nowhere")
