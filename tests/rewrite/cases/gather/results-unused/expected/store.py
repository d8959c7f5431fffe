import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

API = "https://shop.example.com/api"


class Store:
    def __init__(self):
        self.synced = []

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def sync_item(self, item_id):
        response = await self.session.post(f"{API}/items/{item_id}/sync", timeout=5)
        if response.is_error:
            response.raise_for_status()
        self.synced.append(item_id)

    async def mark_seen(self, item_id):
        item = (await self.session.get(f"{API}/items/{item_id}", timeout=5)).json()
        self.last = item["name"]

    async def check(self, item_id):
        (await self.session.get(f"{API}/items/{item_id}", timeout=5)).raise_for_status()

    async def name(self, item_id):
        return (await self.session.get(f"{API}/items/{item_id}", timeout=5)).json()[
            "name"
        ]


async def sync_all(ids):
    store = Store()
    for item_id in ids:
        await store.sync_item(item_id)
    return store.synced


async def mark_all(ids):
    store = Store()
    for item_id in ids:
        await store.mark_seen(item_id)
    return store.last


async def check_all(ids):
    store = Store()
    await gather_in_order((store.check(item_id) for item_id in ids), limit=10)


async def check_and_count(ids):
    store = Store()
    checked = 0
    ids = list(ids)
    await gather_in_order((store.check(item_id) for item_id in ids), limit=10)
    for item_id in ids:
        checked += 1
    return checked


async def warm_names(ids):
    store = Store()
    await gather_in_order((store.name(item_id) for item_id in ids), limit=10)
    return len(ids)


async def check_then_name(first, second):
    store = Store()
    _, name = await gather_in_order(
        store.check(first),
        store.name(second),
    )
    return name
