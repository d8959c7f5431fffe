from nodes import Nodes


def check(method):
    names = set()
    for name, node in method():
        assert node["name"] == name
        names.add(name)
    assert names == {"a", "b"}


def test_iteritems():
    check(Nodes("http://x.example.com").iteritems)


def test_items():
    check(Nodes("http://x.example.com").items)
