import requests


class MailClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _get(self, path):
        response = self.session.get(self.base + path)
        response.raise_for_status()
        return response.json()

    def _delete(self, path):
        response = self.session.delete(self.base + path)
        response.raise_for_status()
        return response.status_code
