import json

import httpx

from ._async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    httpx_kwargs,
    requests_values,
)


class FeedError(Exception):
    pass


class FeedClient:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _request(self, path, method="GET", params=None):
        func = getattr(self.session, method.lower())
        try:
            response = await func(
                self.base + path, params=requests_values(params), timeout=5
            )
        except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError) as e:
            raise FeedError(str(e))
        if response.status_code >= 400:
            raise FeedError(response.json()["error"])
        return response.json()

    async def entries(self, tag=None):
        return await self._request("/entries", params={"tag": tag} if tag else None)

    async def remove(self, key):
        return await self._request(f"/entries/{key}", method="DELETE")

    async def _send(self, path, method="POST", **kwargs):
        response = await self.session.request(
            method.lower(), self.base + path, timeout=5, **httpx_kwargs(kwargs)
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def attach(self, key, fileobj):
        return await self._send(f"/entries/{key}/files", files={"file": fileobj})
