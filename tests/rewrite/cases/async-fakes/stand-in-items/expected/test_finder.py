import pytest

from finder import Account, ring


class FakeDevice:
    def __init__(self, name):
        self.name = name
        self.rung = []

    async def ring(self, subject="Alert"):
        self.rung.append(subject)


class FakeDevices(list[FakeDevice]):
    def __init__(self, devices):
        super().__init__(devices)
        self.refreshed = 0

    async def refresh(self):
        self.refreshed += 1


class FakeAccount:
    def __init__(self):
        self.devices = FakeDevices([FakeDevice("phone"), FakeDevice("pad")])


SPARE = FakeDevices([FakeDevice("spare")])


@pytest.mark.asyncio
async def test_ring_refreshes_then_rings_the_one_named():
    account = FakeAccount()
    await ring(account, "pad", "Hello")
    assert account.devices.refreshed == 1
    assert [device.rung for device in account.devices] == [[], ["Hello"]]


@pytest.mark.asyncio
async def test_ring_an_unknown_device():
    with pytest.raises(LookupError):
        await ring(FakeAccount(), "watch", "Hello")


@pytest.mark.asyncio
async def test_ring_through_the_service():
    await ring(await Account.create(), "phone", "Hello")


@pytest.mark.asyncio
async def test_ring_a_spare_made_at_import():
    account = FakeAccount()
    account.devices = SPARE
    await ring(account, "spare", "Hi")
    assert (SPARE.refreshed, SPARE[0].rung) == (1, ["Hi"])
