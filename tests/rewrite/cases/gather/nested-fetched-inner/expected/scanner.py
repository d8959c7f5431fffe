import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Scanner:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        r = await self.session.get(f"{self.base}{path}", timeout=10)
        if r.is_error:
            r.raise_for_status()
        return r.json()

    async def list_repos(self, org):
        return await self.get(f"/orgs/{org}/repos")

    async def issue_counts(self, orgs):
        counts = {}
        total = 0
        for org in orgs:
            items = list(await self.list_repos(org))
            results = await gather_in_order(
                (self.get(f"/repos/{org}/{repo}/issues") for repo in items), limit=10
            )
            for repo, issues in zip(items, results):
                counts[f"{org}/{repo}"] = len(issues)
                total += len(issues)
        return counts, total
