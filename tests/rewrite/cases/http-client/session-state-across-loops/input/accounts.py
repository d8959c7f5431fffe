import requests

session = requests.Session()
session.headers["Accept"] = "application/json"


def log_in(user, password):
    r = session.post("http://accounts.example.com/login", json={"user": user, "password": password})
    r.raise_for_status()
    session.headers["Authorization"] = "Bearer " + r.json()["token"]


def me():
    r = session.get("http://accounts.example.com/me")
    r.raise_for_status()
    return r.json()
