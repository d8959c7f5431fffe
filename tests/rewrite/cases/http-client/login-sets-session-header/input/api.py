import requests


class LoginError(Exception):
    pass


class Api:
    def __init__(self, base, user, password):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        r = self.session.post(f"{base}/login", json={"user": user, "password": password})
        if r.status_code == 401:
            raise LoginError(user)
        token = r.json()["token"]
        self.session.headers["Authorization"] = f"Bearer {token}"

    def me(self):
        return self.session.get(f"{self.base}/me").json()


def connect(user, password):
    return Api("http://x", user, password)


def whoami(user, password):
    return connect(user, password).me()
