import httpx

from ._async_helpers import TLS_CONTEXT, block_on


class Site:
    def __init__(self, base):
        self.base = base
        self._info = None

    async def _fetch(self, field):
        if self._info is None:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                self._info = (
                    await http_client.get(f"{self.base}/info", timeout=5)
                ).json()
        return self._info[field]

    async def aversion(self):
        return await self._fetch("version")

    @property
    def version(self):
        return block_on(self.aversion())

    async def aname(self):
        return await self._fetch("name")

    @property
    def name(self):
        return block_on(self.aname())

    async def preload(self):
        for attr in ("version", "name"):
            await getattr(self, f"a{attr}")()
        return self._info


class Extension:
    def __init__(self, data):
        self.version = data["version"]
        self.name = data["name"]


def label(thing):
    # thing may be a Site or an Extension: its type is not known here.
    return f"{thing.name} {thing.version}"


async def preloaded(base):
    return await Site(base).preload()


def site_label(base):
    return label(Site(base))


def extension_label(data):
    return label(Extension(data))
