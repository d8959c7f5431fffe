import errorhooks
import requests

BASE = "http://events.example.com"


class Tracker:
    def __init__(self):
        errorhooks.on_error = self.report

    def capture(self, event):
        response = requests.post(f"{BASE}/events", json={"event": event}, timeout=5)
        return response.status_code

    def report(self, error):
        return self.capture(f"error: {error}")


default = Tracker()


def _proxy(method, *args):
    call = getattr(default, method)
    return call(*args)


def capture(event):
    status = _proxy("capture", event)
    return status < 300
