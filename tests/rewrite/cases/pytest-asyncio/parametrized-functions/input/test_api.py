import pytest

import api


@pytest.mark.parametrize("endpoint", [api.status, api.health])
def test_endpoints_answer(endpoint):
    assert endpoint() == {"ok": True}


@pytest.mark.parametrize(
    ("name", "read"),
    [("version", api.version), pytest.param("status", api.status, id="status")],
)
def test_reads(name, read):
    assert read() is not None, name
