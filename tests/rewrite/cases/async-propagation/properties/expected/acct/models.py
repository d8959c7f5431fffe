import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, cached_result


class Account:
    def __init__(self, base, user_id):
        self.base = base
        self.user_id = user_id

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def profile(self):
        return (
            await self.session.get(f"{self.base}/users/{self.user_id}", timeout=5)
        ).json()

    @cached_result
    async def settings(self):
        return (
            await self.session.get(
                f"{self.base}/users/{self.user_id}/settings", timeout=5
            )
        ).json()

    async def display_name(self):
        return (await self.profile())["name"].title()

    async def theme(self):
        return (await self.settings())["theme"]
