from collections.abc import AsyncIterator

import httpx

from acct._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, block_on


class Account:
    def __init__(self, base, name):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self._name = name
        self._plan = "free"

    @property
    def name(self):
        return self._name

    async def aset_name(self, value):
        response = await self.session.put(
            f"{self.base}/account", json={"name": value}, timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        self._name = response.json()["name"]

    @name.setter
    def name(self, value):
        block_on(self.aset_name(value))

    @property
    def plan(self):
        return self._plan

    async def aset_plan(self, value):
        (
            await self.session.post(
                f"{self.base}/plan", json={"plan": value}, timeout=5
            )
        ).raise_for_status()
        self._plan = value

    @plan.setter
    def plan(self, value):
        block_on(self.aset_plan(value))

    async def _pages(self) -> AsyncIterator[dict]:
        page = 1
        while page:
            data = (
                await self.session.get(
                    f"{self.base}/events", params={"page": page}, timeout=5
                )
            ).json()
            for item in data["events"]:
                yield item
            page = data["next"]

    async def event_kinds(self):
        events = self._pages()
        kinds = []
        async for event in events:
            kinds.append(event["kind"])
        return kinds


async def rename(base, name):
    account = Account(base, "old")
    await account.aset_name(name)
    return account.name, await account.event_kinds()


async def upgrade(account: Account, plan):
    await account.aset_plan(plan)
    return account.plan
