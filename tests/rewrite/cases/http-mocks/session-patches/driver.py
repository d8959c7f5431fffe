"""Tests that patch requests.Session, its methods, a session instance's or the
transport's (``HTTPAdapter.send``, which every request goes through),
with hand-made ``requests.Response`` answers: after migration the patches
stand on httpx.AsyncClient (or the instance's client) as async mocks, the
answers are ``httpx.Response``s with a request (``raise_for_status()`` needs
one), and no test sends a request its legacy twin did not."""

ROUTES = {
    "GET stock.example.com /v1/levels": (200, {"level": 1}),
    "POST stock.example.com /v1/reservations": (201, {}),
    "GET stock.example.com /v1/ping": (200, {}),
}
