import requests

API = "https://api.example.com"


def make_session():
    session = requests.Session()
    session.headers.update({"X-Key": "k"})
    return session
