import json as jsonlib

import requests

BASE = "https://api.example.com"


def item(name):
    try:
        response = requests.get(f"{BASE}/items/{name}", timeout=5)
        response.raise_for_status()
        return response.json()
    except requests.RequestException as exc:
        return {"failed": type(exc).__name__ != ""}


def cached(text):
    return jsonlib.loads(text)
