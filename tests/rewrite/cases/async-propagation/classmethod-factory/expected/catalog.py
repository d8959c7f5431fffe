from dataclasses import dataclass

import httpx

from _async_helpers import TLS_CONTEXT

API = "http://catalog.example.com"


@dataclass
class Category:
    id: int
    name: str
    parent: int | None

    @classmethod
    async def fetch(cls, cid):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (await http_client.get(f"{API}/categories/{cid}", timeout=5)).json()
        return cls(data["id"], data["name"], data.get("parent"))

    @classmethod
    async def root(cls):
        found = await cls.fetch(1)
        return found

    async def parent_name(self):
        if self.parent is None:
            return None
        return (await Category.fetch(self.parent)).name

    async def path(self):
        names = [self.name]
        parent = self.parent
        while parent is not None:
            up = await Category.fetch(parent)
            names.append(up.name)
            parent = up.parent
        return " / ".join(reversed(names))


async def breadcrumb(cid):
    return await (await Category.fetch(cid)).path()


async def root_path():
    return await (await Category.root()).path()
