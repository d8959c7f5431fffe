from _async_helpers import gather_in_order
from client import Client


class Pool:
    def __init__(self, urls):
        self.clients = [Client(url) for url in urls]
        self.by_url = {url: Client(url) for url in urls}
        self.spares = []

    def add_spare(self, url):
        self.spares.append(Client(url))

    async def states(self):
        responses = await gather_in_order(
            (client.get("/status") for client in self.clients), limit=10
        )
        return [response["state"] for response in responses]

    async def state_of(self, url):
        return (await self.by_url[url].get("/status"))["state"]

    async def first_state(self):
        return (await self.clients[0].get("/status"))["state"]

    async def spare_states(self):
        responses = await gather_in_order(
            (spare.get("/status") for spare in self.spares), limit=10
        )
        return [response["state"] for response in responses]

    async def aclose(self):
        await gather_in_order((client.aclose() for client in self.clients), limit=10)
        await gather_in_order(
            (client.aclose() for client in self.by_url.values()), limit=10
        )


class ReadOnlyPool(Pool):
    async def states(self):
        responses = await gather_in_order(
            (client.get("/status") for client in self.clients), limit=10
        )
        return sorted(response["state"] for response in responses)


async def pool_states(urls):
    pool = Pool(urls)
    try:
        url = urls[-1]
        states, state_of, first_state = await gather_in_order(
            pool.states(),
            pool.state_of(url),
            pool.first_state(),
        )
        return states, state_of, first_state
    finally:
        await pool.aclose()


async def spares(urls):
    pool = Pool([])
    for url in urls:
        pool.add_spare(url)
    return await pool.spare_states()


async def sorted_states(urls):
    return await ReadOnlyPool(urls).states()


async def pair(a, b):
    responses = await gather_in_order(
        (client.get("/status") for client in [Client(a), Client(b)]), limit=10
    )
    return [response["state"] for response in responses]


async def picked(urls, url):
    clients = {each: Client(each) for each in urls}
    chosen = clients.get(url)
    return (await chosen.get("/status"))["state"]


async def extended(urls):
    clients = []
    clients.extend(Client(url) for url in urls)
    responses = await gather_in_order(
        (client.get("/status") for client in clients), limit=10
    )
    return [response["state"] for response in responses]


class Slotted:
    client_class = Client

    def __init__(self, base):
        self.client = self.client_class(base)

    async def state(self):
        return (await self.client.get("/status"))["state"]


async def slotted_state(base):
    return await Slotted(base).state()


async def sorted_states(urls):
    clients = {url: Client(url) for url in urls}
    responses = await gather_in_order(
        (client.get("/status") for _, client in sorted(clients.items())), limit=10
    )
    return [response["state"] for response in responses]
