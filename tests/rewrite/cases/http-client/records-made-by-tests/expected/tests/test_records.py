from unittest.mock import Mock

import pytest

import netbox
from netbox import Endpoint, Record

URL = "https://nb.example.com/api"


@pytest.mark.asyncio
async def test_get():
    nb = netbox.api(URL)
    assert (await nb.users.get(1)).name == "Ann"


@pytest.mark.asyncio
async def test_full_details_of_a_partial_record():
    nb = netbox.api(URL)
    endpoint = Mock(spec=Endpoint)
    endpoint.url = f"{URL}/users"
    record = Record({"id": 2}, nb, endpoint)
    assert (await record.full_details()).name == "Bob"
