import requests

API = "https://api.example.com"


def make_session(user, password):
    """A session logged in to the shop's API: the factory sends a request itself."""
    session = requests.Session()
    token = session.post(f"{API}/login", json={"user": user, "password": password}).json()
    session.headers["Authorization"] = f"Bearer {token['token']}"
    return session
