import requests

from auth import BodyDigestAuth, QueryKeyAuth, TokenSigner

BASE = "https://api.example.com"


def search(term):
    response = requests.get(f"{BASE}/search", params={"q": term}, auth=QueryKeyAuth("k1"))
    response.raise_for_status()
    return response.json()


def ping():
    return requests.get(f"{BASE}/ping", auth=QueryKeyAuth("k 2")).status_code


def upload(fields):
    return requests.post(f"{BASE}/upload", data=fields, auth=BodyDigestAuth()).json()


def upload_raw():
    return requests.post(f"{BASE}/upload", data=b"\x00\x01raw", auth=BodyDigestAuth()).json()


def submit(fields):
    with requests.Session() as session:
        session.auth = TokenSigner("t0k")
        return session.post(f"{BASE}/submit?v=2", data=fields).json()


def status():
    return requests.get(f"{BASE}/status", auth=TokenSigner("t0k")).json()


def probe():
    return requests.head(f"{BASE}/status", auth=TokenSigner("t0k")).status_code
