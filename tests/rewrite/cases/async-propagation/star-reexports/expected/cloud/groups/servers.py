from cloud.groups import Group

__all__ = ["ServerGroup"]


class ServerGroup(Group):
    async def __call__(self):
        return (await self.client.get("/servers"))["data"]

    async def status(self, server_id):
        return (await self.client.get(f"/servers/{server_id}"))["status"]
