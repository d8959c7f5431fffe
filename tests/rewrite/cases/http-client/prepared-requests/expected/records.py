import httpx
import requests

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values


class Records:
    MAX_URL_LENGTH = 60

    def __init__(self, base, timeout=10):
        self.base = base
        self.timeout = timeout

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path, params=None, json=None, fallback=None):
        # Built first to see how long its URL is.
        prepared = self.session.build_request(
            method,
            self.base + path,
            params=requests_values(params),
            json=json,
            timeout=self.timeout,
        )
        if fallback and len(str(prepared.url)) > self.MAX_URL_LENGTH:
            return await self.request("POST", fallback, json=params)
        prepared.headers["X-Method"] = prepared.method
        response = await self.session.send(prepared)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def find(self, table, **filters):
        return await self.request(
            "GET", f"/{table}", params=filters, fallback=f"/{table}/query"
        )

    async def ping(self):
        request = self.session.build_request(
            "HEAD", self.base + "/ping", headers={"X-Ping": "1"}
        )
        sent = await self.session.send(request, follow_redirects=False)
        return sent.status_code

    def check(self):
        # TODO(migrate MIG001): httpx checks the URL only when it sends
        self.session.build_request("GET", self.base + "/records")


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
