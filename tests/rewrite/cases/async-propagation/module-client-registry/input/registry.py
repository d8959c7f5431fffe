from typing import Dict

from client import Client

_clients: Dict[str, Client] = {}
MIRRORS = {}


def client_for(base):
    if base not in _clients:
        _clients[base] = Client(base)
    return _clients[base]


def state(base):
    return client_for(base).get("/status")["state"]


def add_mirror(name, base):
    MIRRORS[name] = Client(base)


def mirror_state(name):
    return MIRRORS[name].get("/status")["state"]


def mirror_states():
    return sorted(client.get("/status")["state"] for client in MIRRORS.values())


def close_all():
    for client in _clients.values():
        client.close()
    _clients.clear()
