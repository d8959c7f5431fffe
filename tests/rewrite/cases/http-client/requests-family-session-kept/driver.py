"""A client whose own session moves to httpx while another it may hold stays on
requests: a subclass of requests_oauthlib's OAuth2Session, whose ``request``
sends through requests (``super().request(...)``). Async code reaches that one
through ``sync_to_async`` (before, the call stayed plain, blocking the loop),
and the ``except RequestException`` its caller's ``try`` needs still catches
requests' errors beside httpx's. The test patches ``Session`` as the module under
test imports it (``mock.patch("client.Session.request")``, ``from requests import
Session`` there): the test file is mixed, the patch stays for the session that
stays, and its httpx twin answers the client that moved. The case's own tests run
before and after."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"id": 1}),
}


def drive(run):
    client = run.module("client")
    api = run.call(client.Client)
    run.check("get", api.get, "/users/1")
