import requests


class API:
    """A client named in capitals, as tweepy's and boto's are."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def get(self, path):
        response = self.session.get(self.base_url + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
