"""The API its tests reach, served on loopback (the tests are the driver)."""

ROUTES = {"GET api.example.com /status": (200, {"ready": True})}
