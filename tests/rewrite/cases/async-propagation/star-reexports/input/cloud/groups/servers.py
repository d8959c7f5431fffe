from cloud.groups import Group

__all__ = ["ServerGroup"]


class ServerGroup(Group):
    def __call__(self):
        return self.client.get("/servers")["data"]

    def status(self, server_id):
        return self.client.get(f"/servers/{server_id}")["status"]
