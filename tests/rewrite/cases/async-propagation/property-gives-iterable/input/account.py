from typing import Iterator

import requests

API = "https://api.example.com"


class Device:
    def __init__(self, manager, data):
        self._manager = manager
        self._content = data

    def __getitem__(self, key):
        if not self._manager.alive:
            self._manager.refresh()
        return self._content[key]


class DeviceManager:
    def __init__(self, session):
        self.session = session
        self.alive = False
        self._devices = {}

    def refresh(self):
        response = self.session.get(f"{API}/devices", timeout=5)
        for data in response.json():
            self._devices[data["id"]] = Device(self, data)
        self.alive = True

    def __iter__(self) -> Iterator["Device"]:
        return iter(self._devices.values())


class Account:
    def __init__(self):
        self.session = requests.Session()
        self._devices = None

    @property
    def devices(self):
        if self._devices is None:
            self._devices = DeviceManager(self.session)
        return self._devices

    @property
    def fresh_devices(self):
        return self._loaded()

    def _loaded(self):
        manager = DeviceManager(self.session)
        manager.refresh()
        return manager


def names(account: Account):
    return [device["name"] for device in account.devices]


def refreshed_names():
    account = Account()
    account.devices.refresh()
    return names(account)


def fresh_names():
    return [device["name"] for device in Account().fresh_devices]
