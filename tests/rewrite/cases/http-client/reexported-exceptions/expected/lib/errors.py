"""The errors the library raises, and requests' it lets through."""

import httpx

ConnectionError = (
    httpx.NetworkError,
    httpx.ConnectTimeout,
    httpx.WriteTimeout,
    httpx.RemoteProtocolError,
    httpx.ProxyError,
)
HTTPError = httpx.HTTPStatusError
Timeout = httpx.TimeoutException


class LibError(Exception):
    """A request the service answered with an error."""

    def __init__(self, status):
        super().__init__(f"service answered {status}")
        self.status = status
