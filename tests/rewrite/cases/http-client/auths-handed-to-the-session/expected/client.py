import httpx
import requests
from asgiref.sync import sync_to_async
from requests.auth import AuthBase

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


class SignedAuth(AuthBase):
    def __call__(self, request):
        request.headers["X-Sig"] = request.method
        request.register_hook("response", self._check)
        return request

    def _check(self, response, **kwargs):
        return response


class TokenAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = "Bearer " + self.token
        return request


class Client:
    def __init__(self, auth):
        self.session = requests.Session()
        self.session.auth = auth

    def user(self):
        return self.session.get(BASE + "/user", timeout=5).json()

    async def health(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(BASE + "/health", timeout=5)).json()

    async def status(self):
        return await self.health(), await sync_to_async(
            self.user, thread_sensitive=False
        )()


async def signed_status():
    return await Client(SignedAuth()).status()


async def token_status(token):
    return await Client(TokenAuth(token)).status()
