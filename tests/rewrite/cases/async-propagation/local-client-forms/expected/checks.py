import functools

from _async_helpers import gather_in_order
from client import Client


def make_client(base):
    return Client(base)


async def both(a, b):
    first, second = Client(a), Client(b)
    first_response, second_response = await gather_in_order(
        first.get("/status"),
        second.get("/status"),
    )
    return first_response["state"], second_response["state"]


async def either(base, fallback):
    client = Client(base) if base else Client(fallback)
    return (await client.get("/status"))["state"]


async def by_base(bases):
    clients = {base: Client(base) for base in bases}
    responses = await gather_in_order(
        (clients[base].get("/status") for base in bases), limit=10
    )
    return [response["state"] for response in responses]


async def states(bases):
    clients = {base: Client(base) for base in bases}
    responses = await gather_in_order(
        (client.get("/status") for base, client in clients.items()), limit=10
    )
    found = {
        base: response["state"]
        for (base, client), response in zip(clients.items(), responses)
    }
    await gather_in_order((client.aclose() for client in clients.values()), limit=10)
    return found


async def first_state(bases):
    clients = {base: Client(base) for base in bases}
    first = next(iter(clients.values()), None)
    state = (await first.get("/status"))["state"]
    await first.aclose()
    return state, first.closed


async def if_made(base):
    if (client := Client(base)) is not None:
        return (await client.get("/status"))["state"]
    return None


class Mirror:
    def __init__(self, base):
        self.base = base

    @functools.cached_property
    def client(self):
        return Client(self.base)

    @property
    def api(self):
        return self.client

    async def state(self):
        return (await self.api.get("/status"))["state"]


async def mirror_state(base):
    return await Mirror(base).state()


async def shared():
    return (await SHARED.get("/status"))["state"]


SHARED = make_client("http://a.example.com")
