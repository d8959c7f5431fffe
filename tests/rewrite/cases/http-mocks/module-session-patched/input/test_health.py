from unittest import mock

import health

URL = "https://svc.example.com/health"


def test_up():
    with mock.patch("health.SESSION.get") as get:
        get.return_value.ok = True
        assert health.status_text(URL) == "UP"


def test_down():
    with mock.patch("health.SESSION.get") as get:
        get.return_value.ok = False
        get.return_value.status_code = 503
        assert health.status_text(URL) == "DOWN (503)"
