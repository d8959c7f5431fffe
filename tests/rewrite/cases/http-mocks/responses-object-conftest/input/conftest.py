import pytest
import responses

from client import BASE


@pytest.fixture
def crm_mock():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps
