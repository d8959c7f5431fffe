import httpx
import pytest
import respx

from client import BASE


@pytest.fixture
def crm_mock():
    with respx.mock() as rsps:
        rsps.get(f"{BASE}/contacts/0").mock(
            return_value=httpx.Response(200, json={"name": "zero"})
        )
        yield rsps
