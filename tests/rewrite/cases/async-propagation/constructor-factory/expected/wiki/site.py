"""A client whose constructor fetches site info and logs in."""

import httpx

from wiki._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

API = "https://wiki.example.com/api"


class LoginError(Exception):
    pass


class Site:
    @classmethod
    async def create(cls, *args, **kwargs):
        """Make a Site, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(*args, **kwargs)
        return self

    async def _async_init(self, host=API, user=None):
        self.host = host

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.info = await self.call("siteinfo")
        self.user = None
        if user:
            await self.login(user)

    async def call(self, action, **params):
        resp = await self.session.get(
            f"{self.host}/{action}", params=requests_values(params), timeout=5
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    async def login(self, user):
        answer = await self.call("login", user=user)
        if answer["result"] != "Success":
            raise LoginError(answer["result"])
        self.user = user


class Wiki(Site):
    async def _async_init(self, host=API, user="bot"):
        await super()._async_init(host, user=user)
        self.name = self.info["name"]

    async def page(self, title):
        return (await self.call("page", title=title))["text"]
