import requests

from query import Request


class Api:
    def __init__(self, url):
        self.url = url
        self.http_session = requests.Session()

    def version(self):
        try:
            return Request(self.url, self.http_session).get()["version"]
        except requests.exceptions.RequestException:
            return None


def with_session(url, session):
    api = Api(url)
    api.http_session = session
    return api
