import functools

from client import Client


def make_client(base):
    return Client(base)


def both(a, b):
    first, second = Client(a), Client(b)
    return first.get("/status")["state"], second.get("/status")["state"]


def either(base, fallback):
    client = Client(base) if base else Client(fallback)
    return client.get("/status")["state"]


def by_base(bases):
    clients = {base: Client(base) for base in bases}
    return [clients[base].get("/status")["state"] for base in bases]


def states(bases):
    clients = {base: Client(base) for base in bases}
    found = {base: client.get("/status")["state"] for base, client in clients.items()}
    for client in clients.values():
        client.close()
    return found


def first_state(bases):
    clients = {base: Client(base) for base in bases}
    first = next(iter(clients.values()), None)
    state = first.get("/status")["state"]
    first.close()
    return state, first.closed


def if_made(base):
    if (client := Client(base)) is not None:
        return client.get("/status")["state"]
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

    def state(self):
        return self.api.get("/status")["state"]


def mirror_state(base):
    return Mirror(base).state()


def shared():
    return SHARED.get("/status")["state"]


SHARED = make_client("http://a.example.com")
