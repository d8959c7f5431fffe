import requests

BASE = "https://api.example.com"


class TimeoutSession(requests.Session):
    """A session with a default timeout, as many clients set one."""

    def __init__(self, default_timeout=7):
        super().__init__()
        self.default_timeout = default_timeout
        self.timeouts = []

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", self.default_timeout)
        self.timeouts.append(kwargs["timeout"])
        return super().request(method, BASE + url, **kwargs)


class TokenSession(requests.Session):
    """Puts a token in the form it sends, or in a header for anything else."""

    def __init__(self, token):
        super().__init__()
        self.token = token

    def request(self, method, url, data=None, headers=None, timeout=None, **kwargs):
        headers = dict(headers or {})
        headers["X-Timeout"] = str(timeout)
        if isinstance(data, dict):
            data = {**data, "token": self.token}
        elif data is None and method == "POST":
            data = {"token": self.token}
        else:
            headers["Authorization"] = f"Token {self.token}"
        return super().request(
            method, BASE + url, data=data, headers=headers, timeout=timeout, **kwargs
        )


def default_timeout():
    with TimeoutSession() as session:
        session.get("/items")
        return session.timeouts


def given_timeout():
    with TimeoutSession() as session:
        session.get("/items", timeout=3)
        return session.timeouts


def form():
    with TokenSession("t0k") as session:
        return session.post("/forms", data={"a": "1"}).json()


def empty_form():
    with TokenSession("t0k") as session:
        return session.post("/forms").json()


def raw():
    with TokenSession("t0k") as session:
        return session.post("/raw", data="a raw body", timeout=4).json()


def listing():
    with TokenSession("t0k") as session:
        return session.get("/items", params={"page": 2}).json()


def moved():
    with TokenSession("t0k") as session:
        response = session.get("/old", allow_redirects=False)
        return response.status_code, response.headers["location"]
