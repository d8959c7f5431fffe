import requests


class Node:
    _FIELDS = {"memory": "mem", "swap": "swp"}

    def __init__(self, base):
        self.base = base

    def name(self):
        return "node"

    def get_monitor(self, field):
        return requests.get(self.base + "/monitor").json()[field]


def _make_getter(field):
    def method(self):
        return self.get_monitor(field)

    return method


for key, field in Node._FIELDS.items():
    getter = _make_getter(field)
    setattr(Node, f"get_{key}", getter)
