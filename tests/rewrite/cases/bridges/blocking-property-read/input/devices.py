import time

import requests

API = "https://api.example.com"


class Devices:
    def __init__(self, base):
        self.base = base
        self.items = requests.get(f"{base}/devices", timeout=5).json()

    def __len__(self):
        return requests.get(f"{self.base}/devices/count", timeout=5).json()["count"]

    def __getitem__(self, index):
        return self.items[index]


class Account:
    def __init__(self, base=API):
        self.base = base
        self._devices = None

    @property
    def devices(self):
        if self._devices is None:
            self._devices = Devices(self.base)
        return self._devices


def guarded(call):
    try:
        return call()
    except requests.HTTPError:
        return None


def listed(base=API):
    account = Account(base)
    return guarded(lambda: account.devices)


def first_after_pause(base=API):
    account = Account(base)
    time.sleep(0.01)
    return account.devices[0]["name"]


def count_after_pause(base=API):
    account = Account(base)
    time.sleep(0.01)
    return len(account.devices)
