from unittest.mock import Mock

import netbox
from netbox import Endpoint, Record

URL = "https://nb.example.com/api"


def test_get():
    nb = netbox.api(URL)
    assert nb.users.get(1).name == "Ann"


def test_full_details_of_a_partial_record():
    nb = netbox.api(URL)
    endpoint = Mock(spec=Endpoint)
    endpoint.url = f"{URL}/users"
    record = Record({"id": 2}, nb, endpoint)
    assert record.full_details().name == "Bob"
