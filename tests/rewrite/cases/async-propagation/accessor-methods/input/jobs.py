from ci import Node


class Job(Node):
    def __init__(self, server, name):
        self.server = server
        self.name = name

    def get_server(self):
        return self.server

    def url(self):
        return f"{self.server.base}/job/{self.name}"

    def last_build(self):
        return self.get_server().get_json(self.url() + "/lastBuild/api/json")

    def is_green(self):
        return self.poll()["color"] == "blue"
