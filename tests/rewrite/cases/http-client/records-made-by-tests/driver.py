"""A package's records, made by its endpoints and, in its tests, by hand from
an API object the package re-exports under another name (``netbox.api(url)``,
``api = Api``) and an endpoint mocked to its class's shape (``Mock(spec=
Endpoint)``, which makes no Endpoint): the tests are read for what they hand
in, the session reached through ``self.api.http_session`` is an httpx client,
and the library moves to async with its tests."""

ROUTES = {
    "GET nb.example.com /api/users/1": (200, {"id": 1, "name": "Ann"}),
    "GET nb.example.com /api/users/2": (200, {"id": 2, "name": "Bob"}),
    "GET nb.example.com /api/users/9": (404, {"error": "none"}),
}


def drive(run):
    core = run.module("netbox.core")
    run.check("user", core.user_name, "https://nb.example.com/api", 1)
    run.check("missing", core.user_name, "https://nb.example.com/api", 9)
