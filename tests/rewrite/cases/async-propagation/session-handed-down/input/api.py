import requests

from .models import Project


class OSF:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def project(self, project_id):
        response = self.session.get(f"{self.base}/projects/{project_id}")
        response.raise_for_status()
        return Project(response.json(), self.session, self.base)
