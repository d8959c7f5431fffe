import requests


class FeedError(Exception):
    pass


class FeedClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _request(self, path, method="GET", params=None):
        func = getattr(self.session, method.lower())
        try:
            response = func(self.base + path, params=params, timeout=5)
        except requests.RequestException as e:
            raise FeedError(str(e))
        if response.status_code >= 400:
            raise FeedError(response.json()["error"])
        return response.json()

    def entries(self, tag=None):
        return self._request("/entries", params={"tag": tag} if tag else None)

    def remove(self, key):
        return self._request(f"/entries/{key}", method="DELETE")

    def _send(self, path, method="POST", **kwargs):
        response = getattr(self.session, method.lower())(self.base + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

    def attach(self, key, fileobj):
        return self._send(f"/entries/{key}/files", files={"file": fileobj})
