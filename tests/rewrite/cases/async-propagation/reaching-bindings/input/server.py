from requesters import Requester, TracingRequester


class Server:
    def __init__(self, base, requester=None, trace=False):
        if requester is None:
            if trace:
                requester = TracingRequester
            else:
                requester = Requester
            self.requester = requester(base)
        else:
            self.requester = requester
        self.base = base

    def get_server(self):
        return self

    def __getitem__(self, name):
        return Job(self, name)

    def job_names(self):
        requester = self.get_server().requester
        return [job["name"] for job in requester.get_json("/api/json")["jobs"]]

    def build(self, name):
        return self[name].last_build()

    def copy(self):
        return Server(self.base, requester=self.requester)


class Job:
    def __init__(self, server, name):
        self.server = server
        self.name = name

    def get_server(self):
        return self.server

    def last_build(self):
        return self.get_server().requester.get_json(f"/job/{self.name}/lastBuild/api/json")
