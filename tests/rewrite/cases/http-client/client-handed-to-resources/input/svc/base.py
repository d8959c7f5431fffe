class BaseAPI:
    path = ""

    def __init__(self, client):
        self._client = client

    def _request(self, method, suffix="", **kwargs):
        url = f"{self._client.base_url}/{self.path}{suffix}"
        response = self._client.session.request(method, url, **kwargs)
        response.raise_for_status()
        return response.json()


class SessionAPI:
    """A resource that keeps the client's session, not the client."""

    path = ""

    def __init__(self, client):
        self.session = client.session
        self.root = f"{client.base_url}/{self.path}"

    def _get(self, suffix=""):
        response = self.session.get(self.root + suffix)
        response.raise_for_status()
        return response.json()
