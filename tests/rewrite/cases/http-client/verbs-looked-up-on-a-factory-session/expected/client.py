import functools

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs

BASE = "https://api.example.com"


class TokenAuth(httpx.Auth):
    def __init__(self, token):
        self.token = token

    def auth_flow(self, request):
        request.headers["X-Token"] = self.token
        yield request


class Client:
    def __init__(self, token):
        self.session = AsyncClientPerLoop(
            functools.partial(self._build_session, TokenAuth, token)
        )

    def _build_session(self, auth_class, *args):
        session = httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            auth=auth_class(*args),
            verify=TLS_CONTEXT,
        )
        session.headers.update({"Accept": "application/json"})
        return session

    async def _request(self, method, path, **kwargs):
        response = await self.session.request(
            method, BASE + path, timeout=5, **httpx_kwargs(kwargs)
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def user(self):
        return await self._request("get", "/user")

    async def note(self, text):
        return await self._request("post", "/notes", json={"text": text})


async def user_name(token):
    return (await Client(token).user())["name"]


async def add_note(token, text):
    return (await Client(token).note(text))["id"]


async def missing(token):
    return await Client(token)._request("get", "/missing")
