from typing import Iterator, List

import httpx

from _async_helpers import TLS_CONTEXT

API = "https://api.example.com"


class Device:
    def __init__(self, manager, data):
        self._manager = manager
        self._content = data

    async def __getitem__(self, key):
        if not self._manager.alive:
            await self._manager.refresh()
        return self._content[key]


class Manager:
    def __init__(self):
        self.alive = False
        self._devices = {}

    async def refresh(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            for data in (await http_client.get(f"{API}/devices", timeout=5)).json():
                self._devices[data["id"]] = Device(self, data)
        self.alive = True

    def __iter__(self) -> Iterator["Device"]:
        return iter(self._devices.values())


async def names(manager: Manager):
    return [await device["name"] for device in manager]


async def first_names(devices: List[Device]):
    return [(await device["name"]).split()[0] for device in devices]


async def listed():
    manager = Manager()
    await manager.refresh()
    return await names(manager)


async def listed_first():
    manager = Manager()
    await manager.refresh()
    return await first_names(list(manager))
