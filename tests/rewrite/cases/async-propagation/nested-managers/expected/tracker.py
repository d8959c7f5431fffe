import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Manager:
    path = ""

    def __init__(self, client, prefix=""):
        self.client = client
        self.prefix = prefix

    async def get(self, id):
        return await self.client.http_get(f"{self.prefix}{self.path}/{id}")


class IssueManager(Manager):
    path = "/issues"


class Project:
    def __init__(self, client, data):
        self.id = data["id"]
        self.name = data["name"]
        self.issues = IssueManager(client, prefix=f"/projects/{self.id}")


class ProjectManager(Manager):
    path = "/projects"

    async def get(self, id) -> Project:
        return Project(self.client, await super().get(id))


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.projects = ProjectManager(self)

    async def http_get(self, path):
        return (await self.session.get(self.base + path)).json()


async def issue_title(client: Client, pid, iid):
    project = await client.projects.get(pid)
    return (await project.issues.get(iid))["title"]


async def issue_titles(client: Client, pid, iids):
    projects = client.projects
    project = await projects.get(pid)
    responses = await gather_in_order(
        (project.issues.get(iid) for iid in iids), limit=10
    )
    return [response["title"] for response in responses]
