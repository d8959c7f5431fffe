from typing import Dict

from _async_helpers import gather_in_order
from client import Client

_clients: Dict[str, Client] = {}
MIRRORS = {}


def client_for(base):
    if base not in _clients:
        _clients[base] = Client(base)
    return _clients[base]


async def state(base):
    return (await client_for(base).get("/status"))["state"]


def add_mirror(name, base):
    MIRRORS[name] = Client(base)


async def mirror_state(name):
    return (await MIRRORS[name].get("/status"))["state"]


async def mirror_states():
    responses = await gather_in_order(
        (client.get("/status") for client in MIRRORS.values()), limit=10
    )
    return sorted(response["state"] for response in responses)


async def close_all():
    await gather_in_order((client.aclose() for client in _clients.values()), limit=10)
    _clients.clear()
