import requests

from lib import utils


class Backend:
    def __init__(self, session: requests.Session):
        self.session = session

    def download(self, url):
        return utils.response_content(self.session.get(url, stream=True, timeout=5))


def make_backend(session):
    return Backend(session)
