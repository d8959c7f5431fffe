"""A program logging at INFO prints its own lines only: httpx logs each request
at INFO, where requests (urllib3) logged it at DEBUG, so the helpers module
keeps httpx's request lines at DEBUG."""

ROUTES = {
    "GET api.example.com /users/ann": (200, {"name": "Ann"}),
    "GET api.example.com /users/bob": (200, {"name": "Bob"}),
    "GET api.example.com /users/gone": (404, {"error": "gone"}),
}
