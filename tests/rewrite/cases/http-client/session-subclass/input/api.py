import requests

BASE = "https://api.example.com"


class ApiSession(requests.Session):
    """A session that prefixes the API's URL and counts its requests."""

    def __init__(self, token):
        super().__init__()
        self.headers["Authorization"] = f"Bearer {token}"
        self.sent = 0

    def request(self, method, url, **kwargs):
        self.sent += 1
        return super().request(method, BASE + url, **kwargs)

    def item(self, item_id):
        response = self.get(f"/items/{item_id}")
        response.raise_for_status()
        return response.json()


class PlainSession(requests.Session):
    def user(self, uid):
        return self.get(f"{BASE}/users/{uid}", timeout=5).json()


def item(item_id):
    session = ApiSession("secret")
    return session.item(item_id)


def item_and_count(item_id):
    with ApiSession("secret") as session:
        found = session.item(item_id)
        return found, session.sent


def user(uid):
    session = PlainSession()
    try:
        return session.user(uid)
    finally:
        session.close()


def create(payload):
    session = ApiSession("secret")
    response = session.post("/items", json=payload, allow_redirects=False)
    return response.status_code, response.headers.get("location")
