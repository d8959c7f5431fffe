import requests


class Records:
    MAX_URL_LENGTH = 60

    def __init__(self, base, timeout=10):
        self.base = base
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    def request(self, method, path, params=None, json=None, fallback=None):
        # Built first to see how long its URL is.
        prepared = self.session.prepare_request(
            requests.Request(method, self.base + path, params=params, json=json)
        )
        if fallback and len(str(prepared.url)) > self.MAX_URL_LENGTH:
            return self.request("POST", fallback, json=params)
        prepared.headers["X-Method"] = prepared.method
        response = self.session.send(prepared, timeout=self.timeout)
        response.raise_for_status()
        return response.json()

    def find(self, table, **filters):
        return self.request("GET", f"/{table}", params=filters, fallback=f"/{table}/query")

    def ping(self):
        request = requests.Request("HEAD", self.base + "/ping", {"X-Ping": "1"})
        sent = self.session.send(self.session.prepare_request(request), allow_redirects=False)
        return sent.status_code

    def check(self):
        self.session.prepare_request(requests.Request("GET", self.base + "/records"))


class Signer:
    """Signs the body requests prepared, which httpx's request has not: stays."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def post(self, path, data):
        request = requests.Request("POST", self.base + path, data=data)
        prepared = self.session.prepare_request(request)
        prepared.headers["X-Signature"] = str(len(prepared.body))
        return self.session.send(prepared).json()
