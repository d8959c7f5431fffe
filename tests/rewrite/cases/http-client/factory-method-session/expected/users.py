import functools

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://users.example.com"


class UsersClient:
    def __init__(self, token, retries=2):
        self.token = token
        self.retries = retries
        self.session = AsyncClientPerLoop(self._make_session)

    def _make_session(self):
        session = httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            mounts={
                "https://": httpx.AsyncHTTPTransport(
                    retries=self.retries, verify=TLS_CONTEXT
                )
            },
            verify=TLS_CONTEXT,
        )
        session.headers["Authorization"] = f"Bearer {self.token}"
        return session

    async def user(self, key):
        response = await self.session.get(f"{API}/users/{key}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def aclose(self):
        await self.session.aclose()


class Teams:
    def __init__(self):
        self.http = AsyncClientPerLoop(
            functools.partial(self.new_session, "teams-client/1.0")
        )

    @staticmethod
    def new_session(agent):
        session = httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        )
        session.headers.update({"User-Agent": agent})
        return session

    async def members(self, team):
        return (await self.http.get(f"{API}/teams/{team}", timeout=5)).json()["members"]


async def user_name(token, key):
    client = UsersClient(token)
    try:
        return (await client.user(key))["name"]
    finally:
        await client.aclose()


async def team_size(team):
    return len(await Teams().members(team))
