import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from client import BASE


@pytest.fixture
def crm_mock():
    with respx.mock() as rsps:
        unmatched_connect_error(rsps)
        rsps.get(f"{BASE}/contacts/0").mock(
            return_value=httpx.Response(200, json={"name": "zero"})
        )
        yield rsps
