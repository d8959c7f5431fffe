import requests


class Client:
    """Makes its session on first use."""

    def __init__(self, base):
        self.base = base
        self._session = None

    def _get_session(self):
        if self._session is None:
            self._session = requests.Session()
            self._session.headers["X-Client"] = "hub"
        return self._session

    def close(self):
        if self._session is not None:
            self._session.close()
