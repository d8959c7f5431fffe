import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://git.example.com"


class Client:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.projects = ProjectManager(self)

    async def http_get(self, path):
        response = await self.session.get(BASE + path, timeout=10)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def http_delete(self, path):
        (await self.session.delete(BASE + path, timeout=10)).raise_for_status()


class Badge:
    def __init__(self, manager, attrs):
        self.manager = manager
        self.id = attrs["id"]
        self.name = attrs["name"]

    async def delete(self):
        await self.manager.client.http_delete(f"{self.manager.path}/{self.id}")


class BadgeManager:
    def __init__(self, client, project_id):
        self.client = client
        self.path = f"/projects/{project_id}/badges"

    async def list(self) -> list:
        return [Badge(self, attrs) for attrs in await self.client.http_get(self.path)]

    async def get(self, badge_id, lazy=False) -> Badge:
        attrs = {"id": badge_id, "name": None}
        if not lazy:
            attrs = await self.client.http_get(f"{self.path}/{badge_id}")
        return Badge(self, attrs)


class Project:
    def __init__(self, client, attrs):
        self.id = attrs["id"]
        self.badges = BadgeManager(client, self.id)


class ProjectManager:
    def __init__(self, client):
        self.client = client

    async def get(self, project_id, lazy=False) -> Project:
        attrs = {"id": project_id} if lazy else await self.client.http_get(
            f"/projects/{project_id}"
        )
        return Project(self.client, attrs)


async def badge_names(project_id):
    project = await Client().projects.get(project_id)
    return [badge.name for badge in await project.badges.list()]
