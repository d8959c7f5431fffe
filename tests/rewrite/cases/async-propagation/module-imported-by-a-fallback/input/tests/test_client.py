import responses

try:
    from pkg.compat import client as z  # a layout of older releases
except ImportError:
    from pkg import client as z

try:
    from pkg.legacy.client import Client
except ImportError:
    from pkg.client import Client


@responses.activate
def test_items():
    responses.add(responses.GET, "https://api.example.com/items", json=[1, 2])
    c = z.Client()
    assert c.items() == [1, 2]


@responses.activate
def test_users():
    responses.add(responses.GET, "https://api.example.com/users", json=[3])
    assert Client().users() == [3]


@responses.activate
def test_both():
    responses.add(responses.GET, "https://api.example.com/items", json=[4])
    assert Client().items() == z.Client().items()
