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


class Storage(Core):
    @property
    def name(self):
        return self.data["name"]

    @property
    async def files(self):
        path = self.data["files"]
        while path:
            page = await self._get(path)
            for item in page["items"]:
                yield item
            path = page["next"]


class Project(Core):
    @property
    def title(self):
        return self.data["title"]

    @property
    async def storages(self):
        for store in (await self._get(self.data["storages"]))["items"]:
            yield Storage(store, self.session, self.base)

    async def storage(self, name):
        async for store in self.storages:
            if store.name == name:
                return store
        raise KeyError(name)
