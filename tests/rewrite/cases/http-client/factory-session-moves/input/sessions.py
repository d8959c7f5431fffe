import requests
from requests.adapters import HTTPAdapter

API = "https://api.example.com"


def make_session(user, password, retries=3):
    """A session for the shop's API, logged in by basic auth."""
    session = requests.Session()
    session.auth = (user, password)
    session.headers.update({"Accept": "application/json"})
    session.mount("https://", HTTPAdapter(max_retries=retries, pool_maxsize=20))
    return session
