import requests


class Registry:
    def __init__(self, url):
        self.url = url
        self.session = requests.Session()
        self.request_count = 0
        self.stats = {"received": 0}

    def _get(self, path):
        self.request_count += 1
        response = self.session.get(self.url + path, timeout=5)
        response.raise_for_status()
        self.stats["received"] += len(response.content)
        return response.json()

    def package(self, name):
        return self._get(f"/pypi/{name}/json")

    def latest_versions(self, names):
        return {name: self.package(name)["info"]["version"] for name in names}


def versions_and_count(url, names):
    registry = Registry(url)
    versions = registry.latest_versions(names)
    return versions, registry.request_count, registry.stats
