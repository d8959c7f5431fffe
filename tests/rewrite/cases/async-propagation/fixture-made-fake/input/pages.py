import requests

BASE = "https://api.example.com"
SESSION = requests.Session()


class ResourceClient:
    def _iter_pages(self, list_function, **kwargs):
        results = []
        page = 1
        while page:
            items, page = list_function(page=page, **kwargs)
            results.extend(items)
        return results

    def _first(self, list_function, **kwargs):
        items, _ = list_function(**kwargs)
        return items[0] if items else None


class Users(ResourceClient):
    def get_list(self, page=1, role=None):
        data = SESSION.get(f"{BASE}/users", params={"page": page, "role": role}).json()
        return data["items"], data["next"]

    def get_all(self, role=None):
        return self._iter_pages(self.get_list, role=role)

    def get_first(self, role=None):
        return self._first(self.get_list, role=role)
