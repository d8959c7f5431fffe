import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

API = "https://api.example.com"


class Users:
    def __init__(self, session):
        self._session = session

    async def get(self, uid):
        response = await self._session.get(f"{API}/users/{uid}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class Teams:
    def __init__(self, session):
        self._session = session

    async def members(self, team):
        return (await self._session.get(f"{API}/teams/{team}", timeout=5)).json()[
            "members"
        ]


class Client:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Authorization"] = f"Bearer {token}"
            return session

        self.session = AsyncClientPerLoop(_new_session)
        self.users = Users(self.session)
        self.teams = Teams(self.session)


def _new_shared() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


SHARED = AsyncClientPerLoop(_new_shared)
DEFAULT_USERS = Users(SHARED)


async def team_names(token, team):
    client = Client(token)
    responses = await gather_in_order(
        (client.users.get(uid) for uid in await client.teams.members(team)), limit=10
    )
    return [response["name"] for response in responses]


async def default_user(uid):
    return (await DEFAULT_USERS.get(uid))["name"]
