import os

import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .resources import Groups, Users


class Client:
    def __init__(self, base_url, token=None):
        self.base_url = base_url.rstrip("/")

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.users = Users(self)
        self.groups = Groups(client=self)

    @classmethod
    def from_env(cls):
        return cls(os.environ.get("SVC_URL", "https://svc.example.com/v1"))


_default = None


def default_client():
    global _default
    if _default is None:
        _default = Client.from_env()
    return _default


async def user_name(user_id):
    return (await default_client().users.get(user_id))["name"]
