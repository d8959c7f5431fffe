import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, user_id):
        response = await self.session.get(f"{self.base}/users/{user_id}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
