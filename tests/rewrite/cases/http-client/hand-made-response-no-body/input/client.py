import requests

BASE = "https://api.example.com"


class APIError(Exception):
    def __init__(self, status, content):
        super().__init__(f"{status}: {content!r}")
        self.status = status
        self.content = content


class Client:
    def __init__(self):
        self._session = requests.Session()

    def request(self, method, path):
        response = self._session.request(method, BASE + path)
        payload = {}
        try:
            if len(response.content) > 0:
                payload = response.json()
        except (TypeError, ValueError):
            raise APIError(response.status_code, response.content) from None
        if response.status_code >= 400:
            raise APIError(response.status_code, response.content)
        return payload

    def details(self, path):
        response = self._session.request("GET", BASE + path)
        try:
            return response.json()
        except ValueError:
            return {"status": response.status_code}
