import json

import httpx
from asgiref.sync import sync_to_async
from requests import Session
from requests.exceptions import RequestException
from requests_oauthlib import OAuth2Session

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class TokenSession(OAuth2Session):
    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 10)
        return super().request(method, url, **kwargs)


class Client:
    def __init__(self, token=None):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)
        self._oauth = None
        if token:
            self._oauth = TokenSession(token={"access_token": token, "token_type": "Bearer"})

    async def get(self, path):
        try:
            response = await self.raw_get(path)
        except (
            RequestException,
            httpx.HTTPError,
            httpx.InvalidURL,
            json.JSONDecodeError,
        ) as error:
            raise LookupError(f"{path}: {error}") from error
        return response.json()

    async def raw_get(self, path):
        if self._oauth:
            return await sync_to_async(self._oauth.request, thread_sensitive=False)(
                "GET", BASE + path
            )
        return await self._session.request("GET", BASE + path)
