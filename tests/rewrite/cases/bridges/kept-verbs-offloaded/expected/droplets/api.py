import json

import httpx
import requests
from asgiref.sync import sync_to_async

from ._async_helpers import TLS_CONTEXT

GET, POST = "GET", "POST"


class BaseAPI:
    """Talks to the droplets API through one session."""

    def __init__(self, base):
        self.base = base
        self._session = requests.Session()

    def _perform_request(self, path, method=GET, params=None):
        # Which verb sends the request, and how it carries the payload.
        lookup = {
            GET: (self._session.get, "params", lambda x: x),
            POST: (requests.post, "data", json.dumps),
        }
        send, payload, transform = lookup[method]
        return send(self.base + path, timeout=5, **{payload: transform(params or {})})

    async def get_data(self, path, method=GET, params=None):
        response = await sync_to_async(self._perform_request, thread_sensitive=False)(
            path, method, params
        )
        if response.status_code == 404:
            raise LookupError(path)
        return response.json()


class Metadata(BaseAPI):
    """What the droplet knows of itself: no token, no verbs table."""

    async def get_data(self, path, method=GET, params=None):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(self.base + "/metadata" + path, timeout=5)
            ).json()


async def droplet_names(api):
    return [
        droplet["name"] for droplet in (await api.get_data("/droplets"))["droplets"]
    ]
