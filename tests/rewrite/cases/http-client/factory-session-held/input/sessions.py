import requests

API = "https://api.example.com"


def make_session(user, password):
    """A session logged in to the shop's API: the factory sends a request itself."""
    session = requests.Session()
    token = session.post(f"{API}/login", json={"user": user, "password": password}).json()
    session.headers["Authorization"] = f"Bearer {token['token']}"
    return session


def make_public_session():
    """A plain factory: it would move, but one of its sessions is used where a
    call cannot await (a sort key), so every session it makes stays."""
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    return session
