import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class RefreshingAuth(httpx.Auth):
    """Fetches a token the first time it signs a request."""

    def __init__(self, token_url, key):
        self.token_url = token_url
        self.key = key
        self.token = None

    async def async_auth_flow(self, r):
        if self.token is None:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                response = await http_client.post(
                    self.token_url, json={"key": self.key}, timeout=5
                )
            if response.is_error:
                response.raise_for_status()
            self.token = response.json()["token"]
        r.headers["Authorization"] = f"Bearer {self.token}"
        yield r


class Client:
    def __init__(self, base, key):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                auth=RefreshingAuth(base + "/token", key),
                verify=TLS_CONTEXT,
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def me(self):
        response = await self.session.get(self.base + "/me", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()
