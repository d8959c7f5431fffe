import httpx

from _async_helpers import TLS_CONTEXT, block_on


class Jenkins:
    def __init__(self, base):
        self.base = base

    async def aversion(self):
        """The server's version, from its headers."""
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base, timeout=5)).headers.get(
                "X-Jenkins", "0.0"
            )

    @property
    def version(self):
        return block_on(self.aversion())

    async def is_modern(self):
        return await self.aversion() >= "2"


class Plugin:
    def __init__(self, data):
        self.version = data["version"]


def describe(thing):
    # thing may be a Plugin or a Jenkins: its type is not known here.
    return f"v{thing.version}"
