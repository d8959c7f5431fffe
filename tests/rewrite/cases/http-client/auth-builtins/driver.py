"""requests' own auth classes become their httpx twins (HTTPBasicAuth ->
httpx.BasicAuth, HTTPDigestAuth -> httpx.DigestAuth): httpx cannot run
requests' digest auth, which registers a response hook on the request.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (200, {"id": 2}),
    # No challenge: both send the request once, without credentials.
    "GET api.example.com /report": (200, {"rows": 3}),
}


def drive(run):
    api = run.module("api")
    run.check("basic credentials", api.item, "ann", "s3cret")
    run.check("digest, unchallenged", api.report, "ann", "s3cret")
    run.check("basic credentials on a session", api.session_items, "bob", "pw")
