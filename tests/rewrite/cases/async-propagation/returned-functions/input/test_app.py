from app import rename, send


def test_rename():
    assert rename("renamed") == {"id": 1, "name": "renamed"}
    assert rename("posted", use_post=True)["name"] == "posted"


def test_send():
    assert send("/projects/1", {"name": "renamed"}) == {"id": 1, "name": "renamed"}
    assert send("/local", {"a": 1}, remote=False) == {"path": "/local", "a": 1}
