from typing import Iterator

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://api.example.com"


class Device:
    def __init__(self, manager, data):
        self._manager = manager
        self._content = data

    async def __getitem__(self, key):
        if not self._manager.alive:
            await self._manager.refresh()
        return self._content[key]


class DeviceManager:
    def __init__(self, session):
        self.session = session
        self.alive = False
        self._devices = {}

    async def refresh(self):
        response = await self.session.get(f"{API}/devices", timeout=5)
        for data in response.json():
            self._devices[data["id"]] = Device(self, data)
        self.alive = True

    def __iter__(self) -> Iterator["Device"]:
        return iter(self._devices.values())


class Account:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self._devices = None

    @property
    def devices(self):
        if self._devices is None:
            self._devices = DeviceManager(self.session)
        return self._devices

    async def fresh_devices(self):
        return await self._loaded()

    async def _loaded(self):
        manager = DeviceManager(self.session)
        await manager.refresh()
        return manager


async def names(account: Account):
    return [await device["name"] for device in account.devices]


async def refreshed_names():
    account = Account()
    await account.devices.refresh()
    return await names(account)


async def fresh_names():
    return [await device["name"] for device in await Account().fresh_devices()]
