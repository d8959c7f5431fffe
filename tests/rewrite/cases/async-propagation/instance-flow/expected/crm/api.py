"""A client class holding a session, a factory and a shared default instance."""

import os

import httpx

from crm._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class SocialApi:
    def __init__(self, base_url, timeout=5):
        self.base_url = base_url
        self.timeout = timeout

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["X-Api-Key"] = os.environ.get("API_KEY", "")
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        resp = await self.session.get(
            f"{self.base_url}/v1/users/{uid}", timeout=self.timeout
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    async def following(self, uid):
        resp = await self.session.get(
            f"{self.base_url}/v1/users/{uid}/following", timeout=self.timeout
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()["ids"]

    async def names_followed(self, uid):
        users = await gather_in_order(
            (self.user(other) for other in await self.following(uid)), limit=10
        )
        return [user["name"] for user in users]


def connect(base_url=None) -> SocialApi:
    return SocialApi(base_url or os.environ["SOCIAL_URL"])


default_api = SocialApi(os.environ.get("SOCIAL_URL", "http://127.0.0.1:9"))
