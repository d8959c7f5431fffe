import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class LoginError(Exception):
    pass


class Api:
    @classmethod
    async def create(cls, base, user, password):
        """Make an Api, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(base, user, password)
        return self

    async def _async_init(self, base, user, password):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = AsyncClientPerLoop(_new_session)
        r = await self.session.post(
            f"{base}/login", json={"user": user, "password": password}
        )
        if r.status_code == 401:
            raise LoginError(user)
        token = r.json()["token"]
        self.session.headers["Authorization"] = f"Bearer {token}"

    async def me(self):
        return (await self.session.get(f"{self.base}/me")).json()


async def connect(user, password):
    return await Api.create("http://x", user, password)


async def whoami(user, password):
    return await (await connect(user, password)).me()
