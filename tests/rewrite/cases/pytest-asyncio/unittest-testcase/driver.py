"""The item its test fetches, served on loopback (the tests are the driver)."""

ROUTES = {
    "GET example.com /items/1": (200, {"id": 1, "name": "first"}),
    "GET example.com /items/404": (404, {"error": "not found"}),
}
