from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


@dataclass
class Project:
    """A project, with the client that fetched it (``Any``: no import cycle)."""

    kind: ClassVar[str] = "project"
    id: int
    name: str
    client: Any = field(default=None, repr=False, compare=False)
    seen: list = field(default_factory=list, init=False)

    async def refresh(self):
        self.name = (await self.client.get(f"/projects/{self.id}"))["name"]
        return self

    async def owner(self):
        return (await self.client.get(f"/projects/{self.id}/owner"))["login"]


@dataclass
class Team:
    slug: str
    client: Any = None

    async def members(self):
        return [
            m["login"] for m in await self.client.get(f"/teams/{self.slug}/members")
        ]


class Client:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        response = await self.session.get(self.base_url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def project(self, pid):
        data = await self.get(f"/projects/{pid}")
        return Project(data["id"], data["name"], client=self)

    def team(self, slug):
        return Team(slug, self)
