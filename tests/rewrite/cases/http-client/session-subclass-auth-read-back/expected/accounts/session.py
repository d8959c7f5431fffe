import httpx

from accounts._async_helpers import TLS_CONTEXT


class ApiSession(httpx.AsyncClient):
    # As with requests, auth reads back as it was set.
    _auth_as_set = None

    @property
    def auth(self):
        return self._auth_as_set

    @auth.setter
    def auth(self, auth):
        self._auth_as_set = auth
        httpx.AsyncClient.auth.fset(self, auth)

    def __init__(self, root):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.root = root

    def login(self, user, password):
        self.auth = (user, password)

    async def profile(self):
        user, _ = self.auth
        return (await self.get(f"{self.root}/users/{user}", timeout=5)).json()


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

    async def name(self):
        return (await self.session.profile())["name"]
