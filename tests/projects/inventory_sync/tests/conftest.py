import pytest

WAREHOUSE = "https://warehouse.example.com/v2"


@pytest.fixture
def warehouse(requests_mock):
    """The warehouse answering two SKUs for any location."""
    requests_mock.get(
        f"{WAREHOUSE}/levels",
        json={"items": [{"sku": "A-1", "qty": 4}, {"sku": "B-2", "qty": 0}]},
    )
