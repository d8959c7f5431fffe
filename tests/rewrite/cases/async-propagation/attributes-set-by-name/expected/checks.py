from client import Client
from records import Frozen, Guarded, Record


async def record_name(base, ident):
    record = Record(Client(base), ident)
    first = (await record.load())["name"]
    return first, (await record.load())["name"]


async def frozen(base):
    return await Frozen(Client(base), "/records/2").fetch()


async def guarded(base):
    return await Guarded(Client(base)).status()


def refused(base):
    record = Record(Client(base), 1)
    record.ident = 3
