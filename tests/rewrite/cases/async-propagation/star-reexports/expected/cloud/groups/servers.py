from cloud.groups import Group

from .._async_helpers import block_on

__all__ = ["ServerGroup"]


class ServerGroup(Group):
    def __call__(self):
        return block_on(self.client.get("/servers"))["data"]

    async def status(self, server_id):
        return (await self.client.get(f"/servers/{server_id}"))["status"]
