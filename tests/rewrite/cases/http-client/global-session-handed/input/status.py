import requests

SESSION = requests.Session()
SESSION.headers["Accept"] = "application/json"


def fetch(session, url):
    return session.get(url, timeout=5).json()


def status():
    return fetch(SESSION, "https://api.example.com/status")
