import requests


class Job:
    def __init__(self, session, url):
        self.session = session
        self.url = url

    def invoke(self, token=None):
        response = self.session.post(self.url + "/build", params={"token": token}, timeout=5)
        response.raise_for_status()
        return response.status_code


class Server:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get_job(self, name):
        response = self.session.get(f"{self.base}/job/{name}/api/json", timeout=5)
        response.raise_for_status()
        return Job(self.session, f"{self.base}/job/{name}")
