class Core:
    def __init__(self, data, session, base):
        self.session = session
        self.data = data
        self.base = base

    def _get(self, path):
        response = self.session.get(self.base + path)
        response.raise_for_status()
        return response.json()


class Storage(Core):
    @property
    def name(self):
        return self.data["name"]

    @property
    def files(self):
        path = self.data["files"]
        while path:
            page = self._get(path)
            yield from page["items"]
            path = page["next"]


class Project(Core):
    @property
    def title(self):
        return self.data["title"]

    @property
    def storages(self):
        for store in self._get(self.data["storages"])["items"]:
            yield Storage(store, self.session, self.base)

    def storage(self, name):
        for store in self.storages:
            if store.name == name:
                return store
        raise KeyError(name)
