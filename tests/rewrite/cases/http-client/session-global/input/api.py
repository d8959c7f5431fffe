import requests
from requests.adapters import HTTPAdapter

API_KEY = "secret"

session = requests.Session()
session.headers.update({"X-Api-Key": API_KEY})
session.auth = ("user", "pass")
session.verify = "ca.pem"
session.mount("https://", HTTPAdapter(max_retries=3))


def fetch(path):
    resp = session.get("https://api.example.com" + path, timeout=5)
    resp.raise_for_status()
    return resp.json()


def create(path, item):
    return session.post("https://api.example.com" + path, json=item, timeout=5).json()


def delete(path):
    resp = session.delete("https://api.example.com" + path, timeout=5)
    return resp.ok
