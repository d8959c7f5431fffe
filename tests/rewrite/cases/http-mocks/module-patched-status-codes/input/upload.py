import requests

BASE = "https://example.com"


def upload(payload):
    r = requests.post(BASE + "/upload", data=payload, timeout=5)
    if r.status_code != requests.codes.ok:
        raise RuntimeError(r.status_code)
    return r.json()
