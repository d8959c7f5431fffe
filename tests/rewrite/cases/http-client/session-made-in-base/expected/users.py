from ._async_helpers import gather_in_order
from .base import ResourceClient


class Users(ResourceClient):
    async def get(self, uid):
        return (await self.session.get(f"{self.base}/users/{uid}")).json()


async def user_names(base, uids):
    users = Users(base)
    try:
        responses = await gather_in_order((users.get(uid) for uid in uids), limit=10)
        return [response["name"] for response in responses]
    finally:
        await users.aclose()
