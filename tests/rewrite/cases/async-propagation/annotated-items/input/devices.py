from typing import Iterator, List

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


class Manager:
    def __init__(self):
        self.alive = False
        self._devices = {}

    def refresh(self):
        for data in requests.get(f"{API}/devices", timeout=5).json():
            self._devices[data["id"]] = Device(self, data)
        self.alive = True

    def __iter__(self) -> Iterator["Device"]:
        return iter(self._devices.values())


def names(manager: Manager):
    return [device["name"] for device in manager]


def first_names(devices: List[Device]):
    return [device["name"].split()[0] for device in devices]


def listed():
    manager = Manager()
    manager.refresh()
    return names(manager)


def listed_first():
    manager = Manager()
    manager.refresh()
    return first_names(list(manager))
