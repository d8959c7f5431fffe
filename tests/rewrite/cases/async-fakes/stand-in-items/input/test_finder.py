import pytest

from finder import Account, ring


class FakeDevice:
    def __init__(self, name):
        self.name = name
        self.rung = []

    def ring(self, subject="Alert"):
        self.rung.append(subject)


class FakeDevices(list[FakeDevice]):
    def __init__(self, devices):
        super().__init__(devices)
        self.refreshed = 0

    def refresh(self):
        self.refreshed += 1


class FakeAccount:
    def __init__(self):
        self.devices = FakeDevices([FakeDevice("phone"), FakeDevice("pad")])


SPARE = FakeDevices([FakeDevice("spare")])


def test_ring_refreshes_then_rings_the_one_named():
    account = FakeAccount()
    ring(account, "pad", "Hello")
    assert account.devices.refreshed == 1
    assert [device.rung for device in account.devices] == [[], ["Hello"]]


def test_ring_an_unknown_device():
    with pytest.raises(LookupError):
        ring(FakeAccount(), "watch", "Hello")


def test_ring_through_the_service():
    ring(Account(), "phone", "Hello")


def test_ring_a_spare_made_at_import():
    account = FakeAccount()
    account.devices = SPARE
    ring(account, "spare", "Hi")
    assert (SPARE.refreshed, SPARE[0].rung) == (1, ["Hi"])
