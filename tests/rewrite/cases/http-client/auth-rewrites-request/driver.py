"""An auth that rewrites the request (its url, body or headers, in a tuple too)
becomes an httpx.Auth building the changed request: the upstream sees the same
query, body, headers and Content-Length as from requests.
"""

ROUTES = {
    "GET api.example.com /search?key=k1&q=pears": (200, {"hits": 3}),
    "GET api.example.com /ping?key=k+2": (204, None),
    "POST api.example.com /upload": (200, {"stored": True}),
    "POST api.example.com /submit?signed=1&v=2": (201, {"id": 4}),
    "GET api.example.com /status?signed=1": (200, {"up": True}),
    "HEAD api.example.com /status": (200, None),
}


def drive(run):
    api = run.module("api")
    run.check("key in the query", api.search, "pears")
    run.check("key alone in the query", api.ping)
    run.check("digest of a form body", api.upload, {"name": "x", "n": "2"})
    run.check("digest of a raw body", api.upload_raw)
    run.check("token added to the form body", api.submit, {"a": "1", "b": "two words"})
    run.check("token in a header, no body", api.status)
    run.check("left unsigned", api.probe)
