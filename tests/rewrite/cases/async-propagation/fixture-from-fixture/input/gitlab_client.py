import requests

BASE = "https://git.example.com"


class Client:
    def __init__(self):
        self.session = requests.Session()
        self.projects = ProjectManager(self)

    def http_get(self, path):
        response = self.session.get(BASE + path, timeout=10)
        response.raise_for_status()
        return response.json()

    def http_delete(self, path):
        self.session.delete(BASE + path, timeout=10).raise_for_status()


class Badge:
    def __init__(self, manager, attrs):
        self.manager = manager
        self.id = attrs["id"]
        self.name = attrs["name"]

    def delete(self):
        self.manager.client.http_delete(f"{self.manager.path}/{self.id}")


class BadgeManager:
    def __init__(self, client, project_id):
        self.client = client
        self.path = f"/projects/{project_id}/badges"

    def list(self) -> list:
        return [Badge(self, attrs) for attrs in self.client.http_get(self.path)]

    def get(self, badge_id, lazy=False) -> Badge:
        attrs = {"id": badge_id, "name": None}
        if not lazy:
            attrs = self.client.http_get(f"{self.path}/{badge_id}")
        return Badge(self, attrs)


class Project:
    def __init__(self, client, attrs):
        self.id = attrs["id"]
        self.badges = BadgeManager(client, self.id)


class ProjectManager:
    def __init__(self, client):
        self.client = client

    def get(self, project_id, lazy=False) -> Project:
        attrs = {"id": project_id} if lazy else self.client.http_get(f"/projects/{project_id}")
        return Project(self.client, attrs)


def badge_names(project_id):
    project = Client().projects.get(project_id)
    return [badge.name for badge in project.badges.list()]
