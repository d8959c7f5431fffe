from typing import Iterator

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://find.example.com"


class Device:
    def __init__(self, session, data):
        self._session = session
        self.name = data["name"]
        self.id = data["id"]

    async def ring(self, subject="Alert"):
        url = f"{API}/devices/{self.id}/ring"
        (
            await self._session.post(url, json={"subject": subject}, timeout=5)
        ).raise_for_status()


class Devices:
    @classmethod
    async def create(cls, session, load=False):
        """Make a Devices, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(session, load)
        return self

    async def _async_init(self, session, load=False):
        self._session = session
        self._items = []
        if load:
            await self.refresh()

    async def refresh(self):
        listed = (await self._session.get(f"{API}/devices", timeout=5)).json()
        self._items = [Device(self._session, data) for data in listed]

    def __iter__(self) -> Iterator[Device]:
        return iter(self._items)


class Account:
    @classmethod
    async def create(cls):
        """Make an Account, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init()
        return self

    async def _async_init(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.devices = await Devices.create(self.session)


async def loaded(account: Account):
    return await Devices.create(account.session, load=True)


def find(devices, name) -> Device:
    for device in devices:
        if device.name == name:
            return device
    raise LookupError(name)


async def ring(account, name, subject):
    await account.devices.refresh()
    await find(account.devices, name).ring(subject)


async def ring_named(name, subject):
    await ring(await Account.create(), name, subject)


async def device_names():
    return [device.name for device in await loaded(await Account.create())]
