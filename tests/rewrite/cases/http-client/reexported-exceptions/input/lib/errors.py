"""The errors the library raises, and requests' it lets through."""

from requests.exceptions import ConnectionError, HTTPError, Timeout


class LibError(Exception):
    """A request the service answered with an error."""

    def __init__(self, status):
        super().__init__(f"service answered {status}")
        self.status = status
