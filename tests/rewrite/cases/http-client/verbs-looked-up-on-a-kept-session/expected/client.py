import httpx
import requests
from asgiref.sync import sync_to_async
from requests.auth import AuthBase

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class SignedAuth(AuthBase):
    def __init__(self, key):
        self.key = key

    def __call__(self, request):
        request.headers["X-Sig"] = self.key + ":" + request.method
        request.register_hook("response", self._check)
        return request

    def _check(self, response, **kwargs):
        return response


class Client:
    def __init__(self, key=None):
        self.session = requests.Session()
        if key is not None:
            self.session.auth = SignedAuth(key)

    def call(self, method, path, **kwargs):
        func = getattr(self.session, method.lower())
        response = func(BASE + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

    def user(self):
        return self.call("GET", "/user")

    async def rename(self, name):
        send = self.session.put
        return (
            await sync_to_async(send, thread_sensitive=False)(
                BASE + "/user", json={"name": name}, timeout=5
            )
        ).json()


class Feed:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def entries(self, method="GET"):
        return (
            await getattr(self.session, method.lower())(BASE + "/feed", timeout=5)
        ).json()


async def summary(key):
    client = Client(key)
    return (
        await sync_to_async(client.user, thread_sensitive=False)(),
        await client.rename("ada"),
        await Feed().entries(),
    )
