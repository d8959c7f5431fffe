import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    aall,
    aany,
    adropwhile,
    aenumerate,
    afilter,
    aislice,
    atakewhile,
    azip,
)


class Registry:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def versions(self, name):
        url = f"{self.base}/projects/{name}/versions"
        while url:
            r = await self.session.get(url, timeout=5)
            if r.is_error:
                r.raise_for_status()
            for item in r.json()["items"]:
                yield item
            url = r.json().get("next")

    async def size(self, version_id):
        url = f"{self.base}/files/{version_id}"
        return (await self.session.get(url, timeout=5)).json()["size"]

    async def project(self, name):
        return (await self.session.get(f"{self.base}/projects/{name}", timeout=5)).json()


async def first_versions(reg: Registry, name, n):
    return [v["id"] async for v in aislice(reg.versions(name), n)]


async def numbered(reg: Registry, name, limit):
    out = []
    async for i, v in aenumerate(reg.versions(name), 1):
        if i > limit:
            break
        out.append((i, v["id"]))
    return out


async def paired(reg: Registry, a, b):
    return [(x["id"], y["id"]) async for x, y in azip(reg.versions(a), reg.versions(b))]


async def has_yanked(reg: Registry, name):
    # any() stops at the first yanked version: later pages are never fetched.
    return await aany(v["yanked"] async for v in reg.versions(name))


async def all_yanked(reg: Registry, name):
    return await aall(v["yanked"] async for v in reg.versions(name))


async def all_small(reg: Registry, name, limit):
    # Both the listing and each size fetch: all() stops at the first big file.
    async for v in reg.versions(name):
        if not await reg.size(v["id"]) <= limit:
            return False
    return True


async def describe(reg: Registry, name, limit):
    found = False
    async for v in reg.versions(name):
        if await reg.size(v["id"]) > limit:
            found = True
            break
    if found:
        return "has big files"
    return "all small"


async def until_yanked(reg: Registry, name):
    return [
        v["id"] async for v in atakewhile(lambda v: not v["yanked"], reg.versions(name))
    ]


async def from_yanked(reg: Registry, name):
    return [
        v["id"] async for v in adropwhile(lambda v: not v["yanked"], reg.versions(name))
    ]


async def first_kept(reg: Registry, name):
    async for v in afilter(lambda v: not v["yanked"], reg.versions(name)):
        return v["id"]
    return None
