from ._async_helpers import gather_in_order
from .base import Client


class Users(Client):
    async def get(self, name):
        r = await self._get_session().get(f"{self.base}/users/{name}", timeout=5)
        if r.is_error:
            r.raise_for_status()
        return r.json()


async def user_names(base, names):
    users = Users(base)
    try:
        responses = await gather_in_order((users.get(name) for name in names), limit=10)
        return [response["name"] for response in responses]
    finally:
        await users.aclose()
