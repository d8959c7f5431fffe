import asyncio

import httpx
from asgiref.sync import async_to_sync, sync_to_async

from _async_helpers import TLS_CONTEXT, block_on

API = "https://api.example.com"


class Devices:
    @classmethod
    async def create(cls, base):
        """Make a Devices, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(base)
        return self

    async def _async_init(self, base):
        self.base = base
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            self.items = (await http_client.get(f"{base}/devices", timeout=5)).json()

    async def alen(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(f"{self.base}/devices/count", timeout=5)
            ).json()["count"]

    def __len__(self):
        return block_on(self.alen())

    def __getitem__(self, index):
        return self.items[index]


class Account:
    def __init__(self, base=API):
        self.base = base
        self._devices = None

    @property
    def devices(self):
        if self._devices is None:
            self._devices = async_to_sync(Devices.create)(self.base)
        return self._devices


def guarded(call):
    try:
        return call()
    except httpx.HTTPStatusError:
        return None


def listed(base=API):
    account = Account(base)
    return guarded(lambda: account.devices)


async def first_after_pause(base=API):
    account = Account(base)
    await asyncio.sleep(0.01)
    return (await sync_to_async(lambda: account.devices, thread_sensitive=False)())[0][
        "name"
    ]


async def count_after_pause(base=API):
    account = Account(base)
    await asyncio.sleep(0.01)
    return await (
        await sync_to_async(lambda: account.devices, thread_sensitive=False)()
    ).alen()
