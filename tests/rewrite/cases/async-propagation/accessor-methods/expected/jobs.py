from ci import Node


class Job(Node):
    def __init__(self, server, name):
        self.server = server
        self.name = name

    def get_server(self):
        return self.server

    def url(self):
        return f"{self.server.base}/job/{self.name}"

    async def last_build(self):
        return await self.get_server().get_json(self.url() + "/lastBuild/api/json")

    async def is_green(self):
        return (await self.poll())["color"] == "blue"
