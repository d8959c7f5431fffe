import httpx

from files._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Core:
    def __init__(self, data, session, base):
        self.session = session
        self.data = data
        self.base = base

    async def _get(self, path):
        response = await self.session.get(self.base + path)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class File(Core):
    @property
    def path(self):
        return self.data["path"]

    async def write_to(self, fp):
        response = await self.session.get(self.base + self.data["download"])
        fp.write(response.content)

    async def remove(self):
        (await self.session.delete(self.base + self.data["delete"])).raise_for_status()


class Storage(Core):
    @property
    def name(self):
        return self.data["name"]

    @property
    async def files(self):
        for item in await self._get(self.data["files"]):
            yield File(item, self.session, self.base)


class Project(Core):
    @property
    async def storages(self):
        for item in await self._get(self.data["storages"]):
            yield Storage(item, self.session, self.base)

    async def storage(self, name):
        async for store in self.storages:
            if store.name == name:
                return store
        raise KeyError(name)


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def project(self, project_id):
        data = await self._get_json(f"{self.base}/projects/{project_id}")
        return Project(data, self.session, self.base)

    async def _get_json(self, url):
        response = await self.session.get(url)
        if response.is_error:
            response.raise_for_status()
        return response.json()
