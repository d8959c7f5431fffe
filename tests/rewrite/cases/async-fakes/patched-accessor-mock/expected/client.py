import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class Users:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get_by_id(self, uid):
        return (await self.session.get(f"{BASE}/users/{uid}")).json()

    def for_org(self, org):
        return self


class Team:
    def __init__(self, users: Users, lead):
        self.users = users
        self.lead = lead

    def get_users(self) -> Users:
        return self.users

    async def lead_name(self):
        return (await self.get_users().get_by_id(self.lead))["name"]

    async def org_lead_name(self, org):
        users = self.get_users().for_org(org)
        return (await users.get_by_id(self.lead))["name"]
