from _async_helpers import gather_in_order, gather_outcomes
from client import Client


async def compare(bases, path):
    def make(base):
        return Client(base)

    made = [make(base) for base in bases]
    versions = {}
    items = list(zip(made, bases))
    responses = await gather_in_order(
        (client.get(path) for client, base in items), limit=10
    )
    for (client, base), response in zip(items, responses):
        versions[base] = response["version"]
    await gather_in_order((client.aclose() for client in made), limit=10)
    return versions


async def first_of(bases, path):
    def make(base):
        return Client(base)

    primary = make(bases[0])
    try:
        return (await primary.get(path))["version"]
    finally:
        await primary.aclose()


async def indexed(bases, path):
    clients = [Client(base) for base in bases]
    found = []
    items = list(enumerate(clients))
    outcomes = await gather_outcomes(
        (client.get(path) for i, client in items), limit=10
    )
    for (i, client), outcome in zip(items, outcomes):
        found.append((i, outcome.result()["version"]))
        await client.aclose()
    return found, all(client.closed for client in clients)
