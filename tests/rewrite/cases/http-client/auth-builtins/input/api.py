import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

BASE = "https://api.example.com"


def item(user, password):
    response = requests.get(f"{BASE}/items/1", auth=HTTPBasicAuth(user, password))
    response.raise_for_status()
    return response.json()


def report(user, password):
    return requests.get(f"{BASE}/report", auth=HTTPDigestAuth(user, password)).json()


def session_items(user, password):
    auth = requests.auth.HTTPBasicAuth(user, password)
    with requests.Session() as session:
        session.auth = auth
        return [session.get(f"{BASE}/items/{n}").json() for n in (1, 2)]
