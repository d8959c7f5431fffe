from asgiref.sync import async_to_sync

from cloud.groups import Group

__all__ = ["ServerGroup"]


class ServerGroup(Group):
    def __call__(self):
        return async_to_sync(self.client.get)("/servers")["data"]

    async def status(self, server_id):
        return (await self.client.get(f"/servers/{server_id}"))["status"]
