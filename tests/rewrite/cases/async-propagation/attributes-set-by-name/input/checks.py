from client import Client
from records import Frozen, Guarded, Record


def record_name(base, ident):
    record = Record(Client(base), ident)
    first = record.load()["name"]
    return first, record.load()["name"]


def frozen(base):
    return Frozen(Client(base), "/records/2").fetch()


def guarded(base):
    return Guarded(Client(base)).status()


def refused(base):
    record = Record(Client(base), 1)
    record.ident = 3
