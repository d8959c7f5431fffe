import requests


class Api:
    def __init__(self, url, session=None, verify_ssl=True, timeout=10):
        self.url = url
        self.verify_ssl = verify_ssl
        self.timeout = timeout
        if session is None:
            self._session = requests.Session()
        else:
            self._session = session

    def request(self, method, path, data=None):
        response = self._session.request(
            method,
            self.url + path,
            json=data,
            timeout=self.timeout,
            verify=self.verify_ssl,
        )
        response.raise_for_status()
        return response

    def item(self, number):
        return self.request("GET", f"/items/{number}").json()

    def create(self, data):
        return self.request("POST", "/items", data).json()


class Monitor:
    """Its requests verify as they are told, one by one: nothing moves."""

    def __init__(self, url):
        self.url = url
        self.session = requests.Session()

    def status(self, strict=True):
        return self.session.get(self.url + "/status", timeout=5, verify=strict).json()


def fetch(base, number, verify_ssl=True):
    return Api(base, verify_ssl=verify_ssl).item(number)


def create(base, data, verify_ssl=True):
    return Api(base, verify_ssl=verify_ssl).create(data)


def status(base, strict):
    return Monitor(base).status(strict)
