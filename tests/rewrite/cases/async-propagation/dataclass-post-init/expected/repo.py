from dataclasses import dataclass, field

import httpx

from _async_helpers import TLS_CONTEXT

API = "http://api.example.com"


@dataclass
class Repo:
    owner: str
    name: str
    data: dict = field(default_factory=dict)

    @classmethod
    async def create(cls, *args, **kwargs):
        """Make a Repo from its fields, awaiting what its ``__post_init__`` did."""
        self = cls(*args, **kwargs)
        await self._async_post_init()
        return self

    async def _async_post_init(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            self.data = (
                await http_client.get(
                    f"{API}/repos/{self.owner}/{self.name}", timeout=5
                )
            ).json()


async def stars(owner, name):
    return (await Repo.create(owner, name)).data["stars"]


@dataclass
class Fork(Repo):
    parent: str = ""

    async def _async_post_init(self):
        await super()._async_post_init()
        self.parent = self.data.get("parent", "")


async def parent_of(owner, name):
    return (await Fork.create(owner, name)).parent
