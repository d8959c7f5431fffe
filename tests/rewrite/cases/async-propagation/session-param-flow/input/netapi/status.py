import requests

from .query import Request


def status(base):
    with requests.Session() as session:
        session.headers["Accept"] = "application/json"
        return Request(f"{base}/api", session).get_status()


def both(base):
    with requests.Session() as session:
        first = Request(f"{base}/api", http_session=session).get_status()
        second = Request(f"{base}/plugins", http_session=session).get_status()
    return [first, second]
