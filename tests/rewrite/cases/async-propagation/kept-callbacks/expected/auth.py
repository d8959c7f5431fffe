import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Auth:
    class SignedIn:
        """Signs out when the block it is entered by ends."""

        def __init__(self, callback):
            self._callback = callback

        async def __aenter__(self):
            return self

        async def __aexit__(self, exc_type, exc, tb):
            await self._callback()

    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.token = None

    async def sign_in(self, user):
        response = await self.session.post(
            f"{self.base}/signin", json={"user": user}, timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        self.token = response.json()["token"]
        return Auth.SignedIn(self.sign_out)

    async def sign_out(self):
        response = await self.session.post(
            f"{self.base}/signout", json={"token": self.token}, timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        self.token = None

    async def me(self):
        return (await self.session.get(f"{self.base}/me", timeout=5)).json()


async def whoami(base, user):
    auth = Auth(base)
    async with await auth.sign_in(user):
        name = (await auth.me())["name"]
    return name, auth.token
