"""Functions handed to a test by ``@pytest.mark.parametrize`` (a list of them,
rows of tuples, ``pytest.param``) and called there: once they become async,
the test awaits what it calls (the tests are the driver)."""

ROUTES = {
    "GET status.example.com /status": (200, {"ok": True}),
    "GET status.example.com /health": (200, {"ok": True}),
    "GET status.example.com /version": (200, {"version": "1.2"}),
}
