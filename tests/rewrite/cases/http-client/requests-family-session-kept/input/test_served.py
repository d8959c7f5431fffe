from client import Client


def test_get():
    assert Client().get("/users/1") == {"id": 1}
