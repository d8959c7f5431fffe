import re

import httpx

from . import resources
from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs

# "payment_link" -> PaymentLink, found by looking through the module.
RESOURCES = {
    re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower(): cls
    for name, cls in vars(resources).items()
    if isinstance(cls, type) and issubclass(cls, resources.Resource)
}


class Client(object):
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        for name, cls in RESOURCES.items():
            setattr(self, name, cls(self))

    async def get(self, path):
        return await self._send("GET", path)

    async def post(self, path, data=None):
        return await self._send("POST", path, json=data or {})

    async def delete(self, path):
        return await self._send("DELETE", path)

    async def upload(self, path, text):
        return await self._send("PUT", path, data=text.encode())

    async def _send(self, method, path, **kwargs):
        response = await self.session.request(
            method, self.base + path, timeout=5, **httpx_kwargs(kwargs)
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()
