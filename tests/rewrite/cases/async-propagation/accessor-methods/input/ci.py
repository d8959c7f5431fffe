import requests


class CiError(Exception):
    pass


class Node:
    """Something on the CI server, with the server it came from."""

    def get_server(self):
        raise NotImplementedError

    def url(self):
        raise NotImplementedError

    def poll(self):
        return self.get_server().get_json(self.url() + "/api/json")


class Server(Node):
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get_server(self):
        return self

    def url(self):
        return self.base

    def get_json(self, url):
        response = self.session.get(url, timeout=5)
        if response.status_code == 404:
            raise CiError(url)
        response.raise_for_status()
        return response.json()

    def job(self, name):
        from jobs import Job

        return Job(self, name)

    def job_names(self):
        return [job["name"] for job in self.poll()["jobs"]]
