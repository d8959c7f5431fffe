import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Registry:
    def __init__(self, url):
        self.url = url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.request_count = 0
        self.stats = {"received": 0}

    async def _get(self, path):
        self.request_count += 1
        response = await self.session.get(self.url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        self.stats["received"] += len(response.content)
        return response.json()

    async def package(self, name):
        return await self._get(f"/pypi/{name}/json")

    async def latest_versions(self, names):
        names = list(names)
        packages = await gather_in_order(
            (self.package(name) for name in names), limit=10
        )
        return {
            name: package["info"]["version"] for name, package in zip(names, packages)
        }


async def versions_and_count(url, names):
    registry = Registry(url)
    versions = await registry.latest_versions(names)
    return versions, registry.request_count, registry.stats
