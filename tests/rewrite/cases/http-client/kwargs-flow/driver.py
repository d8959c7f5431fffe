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
    # What a caller outside the project may pass: requests' defaults as None are
    # no error, query parameters of None are left out as requests leaves them out.
    run.check("item, defaults", client.item_with, url + "/final", verify=None, params={"v": None})
    run.check("item, no verify", client.item_with, url + "/final", verify=False)


GAPS = {
    # Set on the client in httpx: TypeError per request; the plan names the
    # public function (its **kwargs reach requests) for review.
    "item, no verify": "verify= per request",
}
