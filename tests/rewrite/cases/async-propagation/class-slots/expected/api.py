import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order
from resources import ProjectManager, UserManager


class Api:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.users = UserManager(self)
        self.projects = ProjectManager(self)

    async def get(self, path):
        response = await self.session.get(self.base_url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def put(self, path, data):
        return (
            await self.session.put(self.base_url + path, json=data, timeout=5)
        ).json()


async def user_name(base_url, user_id):
    return (await Api(base_url).users.get(user_id)).name


async def renamed(base_url, user_id, name):
    user = await Api(base_url).users.get(user_id)
    user.name = name
    return await user.save()


async def refreshed_projects(base_url):
    refreshes = await gather_in_order(
        (project.refresh() for project in await Api(base_url).projects.list()), limit=10
    )
    return [refresh.title for refresh in refreshes]
