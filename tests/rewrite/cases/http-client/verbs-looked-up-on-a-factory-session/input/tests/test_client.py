from client import Client, add_note


def test_user():
    assert Client("t1").user() == {"id": 1, "name": "ada"}


def test_note():
    assert add_note("t1", "hello") == 7
