"""A requests.Session subclass whose ``auth`` its users read back as they set it
(``session.auth[0]``, ``session.auth == (user, password)``): an AsyncClient hands
back the httpx.BasicAuth it made of the tuple, so the converted class keeps
``auth`` as it was set, with a property over the AsyncClient's."""

ROUTES = {
    "GET api.example.com /v1/users/ada": (200, {"name": "Ada"}),
}
