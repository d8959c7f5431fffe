from typing import Iterator

import requests

API = "https://find.example.com"


class Device:
    def __init__(self, session, data):
        self._session = session
        self.name = data["name"]
        self.id = data["id"]

    def ring(self, subject="Alert"):
        url = f"{API}/devices/{self.id}/ring"
        self._session.post(url, json={"subject": subject}, timeout=5).raise_for_status()


class Devices:
    def __init__(self, session, load=False):
        self._session = session
        self._items = []
        if load:
            self.refresh()

    def refresh(self):
        listed = self._session.get(f"{API}/devices", timeout=5).json()
        self._items = [Device(self._session, data) for data in listed]

    def __iter__(self) -> Iterator[Device]:
        return iter(self._items)


class Account:
    def __init__(self):
        self.session = requests.Session()
        self.devices = Devices(self.session)


def loaded(account: Account):
    return Devices(account.session, load=True)


def find(devices, name) -> Device:
    for device in devices:
        if device.name == name:
            return device
    raise LookupError(name)


def ring(account, name, subject):
    account.devices.refresh()
    find(account.devices, name).ring(subject)


def ring_named(name, subject):
    ring(Account(), name, subject)


def device_names():
    return [device.name for device in loaded(Account())]
