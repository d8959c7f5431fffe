import requests


class Auth:
    class SignedIn:
        """Signs out when the block it is entered by ends."""

        def __init__(self, callback):
            self._callback = callback

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc, tb):
            self._callback()

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.token = None

    def sign_in(self, user):
        response = self.session.post(f"{self.base}/signin", json={"user": user}, timeout=5)
        response.raise_for_status()
        self.token = response.json()["token"]
        return Auth.SignedIn(self.sign_out)

    def sign_out(self):
        response = self.session.post(f"{self.base}/signout", json={"token": self.token}, timeout=5)
        response.raise_for_status()
        self.token = None

    def me(self):
        return self.session.get(f"{self.base}/me", timeout=5).json()


def whoami(base, user):
    auth = Auth(base)
    with auth.sign_in(user):
        name = auth.me()["name"]
    return name, auth.token
