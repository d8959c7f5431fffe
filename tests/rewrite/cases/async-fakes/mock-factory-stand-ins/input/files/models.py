import requests


class Core:
    def __init__(self, data, session, base):
        self.session = session
        self.data = data
        self.base = base

    def _get(self, path):
        response = self.session.get(self.base + path)
        response.raise_for_status()
        return response.json()


class File(Core):
    @property
    def path(self):
        return self.data["path"]

    def write_to(self, fp):
        response = self.session.get(self.base + self.data["download"])
        fp.write(response.content)

    def remove(self):
        self.session.delete(self.base + self.data["delete"]).raise_for_status()


class Storage(Core):
    @property
    def name(self):
        return self.data["name"]

    @property
    def files(self):
        for item in self._get(self.data["files"]):
            yield File(item, self.session, self.base)


class Project(Core):
    @property
    def storages(self):
        for item in self._get(self.data["storages"]):
            yield Storage(item, self.session, self.base)

    def storage(self, name):
        for store in self.storages:
            if store.name == name:
                return store
        raise KeyError(name)


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def project(self, project_id):
        data = self._get_json(f"{self.base}/projects/{project_id}")
        return Project(data, self.session, self.base)

    def _get_json(self, url):
        response = self.session.get(url)
        response.raise_for_status()
        return response.json()
