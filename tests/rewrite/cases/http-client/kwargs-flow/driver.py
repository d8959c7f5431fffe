"""requests' keyword arguments that reach the call through ``**kwargs``:
callers keep requests' names (``allow_redirects``, ``(connect, read)``
timeouts, a str ``data``), and redirects are followed as requests did."""

ROUTES = {
    "GET api.example.com /moved": (302, None, {"Location": "/final"}),
    "GET api.example.com /final": (200, {"id": 7}),
    "POST api.example.com /upload": (201, {"ok": True}),
}


def drive(run):
    client = run.module("client")
    url = run.url("api.example.com")
    run.check("landing", client.landing, url + "/moved")
    run.check("status, followed", client.status, url + "/moved")
    run.check("status, not followed", client.status, url + "/moved", False)
    run.check("item", client.item, url + "/final")
    run.check("fetch followed", lambda: run.call(client.fetch, url + "/moved").status_code)
    run.check("upload", client.upload, url + "/upload", "body")
    run.check("upload with a header", client.upload, url + "/upload", "b", headers={"X-A": "1"})
