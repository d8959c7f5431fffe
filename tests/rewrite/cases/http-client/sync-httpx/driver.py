"""Sync httpx (module function and a shared Client) becomes AsyncClient; its
responses are httpx's already, so nothing of requests' is fixed on them (a
redirect still fails raise_for_status, ``.url`` stays a URL). A sync transport
becomes an async one, and sync event hooks are awaited through ``event_hook``."""

ROUTES = {
    "GET api.example.com /a": (200, {"a": 1}),
    "GET api.example.com /moved": (301, {"moved": True}, {"Location": "/a"}),
}


def drive(run):
    clients = run.module("clients")
    base = run.url("api.example.com")
    run.check("one-off", clients.fetch_one_off, base + "/a")
    run.check("shared", clients.fetch_shared, "/a")
    run.check("shared, missing", clients.fetch_shared, "/nowhere")
    run.check("shared, moved", clients.fetch_shared, "/moved")
    run.check("where", clients.where, "/a")

    def api(path):
        clients.SEEN.clear()
        try:
            return run.call(clients.Api(base).item, path)
        finally:
            return_seen = list(clients.SEEN)
            assert return_seen == [path], return_seen

    run.check("api", api, "/a")
    run.check("api, missing", api, "/nowhere")
    run.check("status through a mount", clients.status, base + "/a")
    run.check("status through a transport made apart", clients.status_again, base + "/a")
