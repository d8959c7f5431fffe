import requests


class ApiSession(requests.Session):
    auth = None

    def __init__(self, root):
        super().__init__()
        self.root = root

    def login(self, user, password):
        self.auth = (user, password)

    def profile(self):
        user, _ = self.auth
        return self.get(f"{self.root}/users/{user}", timeout=5).json()


class Account:
    def __init__(self, root, user=None, password=None):
        self.session = ApiSession(root)
        if user is not None:
            self.session.login(user, password)

    @property
    def user(self):
        if self.session.auth is not None:
            return self.session.auth[0]
        return None

    def name(self):
        return self.session.profile()["name"]
