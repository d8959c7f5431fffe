class Resource:
    """One object of the API, fetched by the manager that made it."""

    def __init__(self, manager, data):
        self._manager = manager
        self._data = dict(data)

    def __getattr__(self, name):
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    async def refresh(self):
        self._data = await self._manager.fetch(self._data["id"])
        return self


class User(Resource):
    async def save(self):
        return await self._manager.api.put(f"/users/{self.id}", {"name": self.name})

    def __setattr__(self, name, value):
        if name.startswith("_"):
            super().__setattr__(name, value)
        else:
            self._data[name] = value


class Project(Resource):
    pass


class Manager:
    path = ""
    resource_class = Resource

    def __init__(self, api):
        self.api = api

    async def fetch(self, id):
        return await self.api.get(f"{self.path}/{id}")

    async def get(self, id):
        return self.resource_class(self, await self.fetch(id))

    async def list(self):
        return [
            self.resource_class(self, item) for item in await self.api.get(self.path)
        ]


class UserManager(Manager):
    path = "/users"
    resource_class = User


class ProjectManager(Manager):
    path = "/projects"
    resource_class = Project
