from asgiref.sync import async_to_sync

from _async_helpers import collecting
from nodes import Nodes


def check(method):
    names = set()
    for name, node in method():
        assert node["name"] == name
        names.add(name)
    assert names == {"a", "b"}


def test_iteritems():
    check(collecting(Nodes("http://x.example.com").iteritems))


def test_items():
    check(async_to_sync(Nodes("http://x.example.com").items))
