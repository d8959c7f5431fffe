import pytest

from client import create, remove


@pytest.fixture
def item(request):
    made = create("lamp")
    request.addfinalizer(lambda: remove(made["id"]))
    return made


@pytest.fixture
def other(request):
    made = create("desk")

    def cleanup():
        remove(made["id"])

    request.addfinalizer(cleanup)
    return made


def test_item(item, other):
    assert item["id"] and other["id"]
