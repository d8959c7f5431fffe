import requests


class Manager:
    path = ""

    def __init__(self, client, prefix=""):
        self.client = client
        self.prefix = prefix

    def get(self, id):
        return self.client.http_get(f"{self.prefix}{self.path}/{id}")


class IssueManager(Manager):
    path = "/issues"


class Project:
    def __init__(self, client, data):
        self.id = data["id"]
        self.name = data["name"]
        self.issues = IssueManager(client, prefix=f"/projects/{self.id}")


class ProjectManager(Manager):
    path = "/projects"

    def get(self, id) -> Project:
        return Project(self.client, super().get(id))


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.projects = ProjectManager(self)

    def http_get(self, path):
        return self.session.get(self.base + path).json()


def issue_title(client: Client, pid, iid):
    project = client.projects.get(pid)
    return project.issues.get(iid)["title"]


def issue_titles(client: Client, pid, iids):
    projects = client.projects
    project = projects.get(pid)
    return [project.issues.get(iid)["title"] for iid in iids]
