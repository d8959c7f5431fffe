import pytest


def test_status(api):
    assert api.status() == {"ready": True}


@pytest.mark.slow
def test_ready(ready):
    assert ready


def test_sync_only():
    assert 1 + 1 == 2


def test_status_at_start(status_at_start, api):
    assert status_at_start == api.status()


def test_each_ready(api):
    assert api.status()["ready"]
    assert list(map(lambda _: api.status()["ready"], range(2))) == [True, True]


def test_each_ready_again(api):
    assert api.status()["ready"]
    assert list(map(lambda each: each.status()["ready"], [api, api])) == [True, True]
