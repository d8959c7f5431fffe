import httpx

from _async_helpers import TLS_CONTEXT


class Node:
    _FIELDS = {"memory": "mem", "swap": "swp"}

    def __init__(self, base):
        self.base = base

    def name(self):
        return "node"

    async def get_monitor(self, field):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + "/monitor")).json()[field]


def _make_getter(field):
    async def method(self):
        return await self.get_monitor(field)

    return method


for key, field in Node._FIELDS.items():
    getter = _make_getter(field)
    setattr(Node, f"get_{key}", getter)
