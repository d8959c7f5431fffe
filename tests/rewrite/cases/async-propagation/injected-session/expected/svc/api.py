"""Client classes that use the session their caller hands in, or make one."""

from typing import Optional

import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class SocialApi:
    def __init__(self, base_url, session=None):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = session or AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        resp = await self.session.get(f"{self.base_url}/users/{uid}")
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()


class Catalog:
    def __init__(self, base_url, session: Optional[httpx.AsyncClient] = None):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = session if session is not None else AsyncClientPerLoop(
            _new_session
        )

    async def item(self, sku):
        return (await self.session.get(f"{self.base_url}/items/{sku}")).json()


class Feed:
    def __init__(self, base_url, **options):
        self.base_url = base_url

        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http = options.get("session") or AsyncClientPerLoop(_new_http)

    async def entries(self):
        return (await self.http.get(f"{self.base_url}/entries")).json()


class TokenApi(SocialApi):
    """Hands its session on to SocialApi through **kwargs."""

    def __init__(self, base_url, token, **kwargs):
        super().__init__(base_url, **kwargs)
        self.session.headers["Authorization"] = f"Bearer {token}"
