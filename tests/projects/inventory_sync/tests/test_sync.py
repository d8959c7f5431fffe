import pytest
import requests
import requests_mock

from inventory import ShopError, StockLevel, fetch_levels, push_level, sync_all

WAREHOUSE = "https://warehouse.example.com/v2"
SHOP = "https://shop.example.com/admin/api"


def test_fetch_levels_sends_location(requests_mock):
    levels = requests_mock.get(f"{WAREHOUSE}/levels", json={"items": [{"sku": "A-1", "qty": 4}]})
    assert fetch_levels("berlin", since="2024-05-01") == [StockLevel("A-1", 4)]
    assert levels.called_once
    assert levels.last_request.qs == {"location": ["berlin"], "since": ["2024-05-01"]}
    assert requests_mock.last_request.method == "GET"


def test_fetch_levels_server_error(requests_mock):
    requests_mock.get(f"{WAREHOUSE}/levels", status_code=502, text="bad gateway")
    with pytest.raises(requests.HTTPError):
        fetch_levels("berlin")


def test_push_level_sends_quantity_and_token(requests_mock):
    shop = requests_mock.put(f"{SHOP}/inventory/A-1", status_code=200, json={"ok": True})
    assert push_level(StockLevel("A-1", 4), token="t0k") is True
    assert shop.call_count == 1
    assert shop.last_request.json() == {"available": 4}
    assert shop.last_request.headers["X-Shop-Token"] == "t0k"
    assert requests_mock.request_history[0].url == f"{SHOP}/inventory/A-1"


def test_push_level_unchanged(requests_mock):
    requests_mock.request("PUT", f"{SHOP}/inventory/A-1", status_code=304)
    assert push_level(StockLevel("A-1", 4), token="t0k") is False


def test_push_level_rejected(requests_mock):
    requests_mock.put(f"{SHOP}/inventory/A-1", status_code=422, text="quantity must be >= 0")
    with pytest.raises(ShopError, match="422: quantity must be >= 0"):
        push_level(StockLevel("A-1", -1), token="t0k")


def test_push_level_connect_timeout(requests_mock):
    requests_mock.put(f"{SHOP}/inventory/A-1", exc=requests.exceptions.ConnectTimeout)
    with pytest.raises(ShopError, match="unreachable"):
        push_level(StockLevel("A-1", 4), token="t0k")


def test_sync_all_counts(warehouse, requests_mock):
    requests_mock.put(f"{SHOP}/inventory/A-1", status_code=200)
    requests_mock.put(f"{SHOP}/inventory/B-2", status_code=304)
    assert sync_all("berlin", token="t0k") == {"changed": 1, "unchanged": 1}
    assert requests_mock.call_count == 3
    assert [r.method for r in requests_mock.request_history] == ["GET", "PUT", "PUT"]


def test_sync_all_with_mocker():
    with requests_mock.Mocker() as m:
        m.get(f"{WAREHOUSE}/levels", json={"items": [{"sku": "C-3", "qty": 9}]})
        shop = m.put(f"{SHOP}/inventory/C-3", [{"status_code": 503}, {"status_code": 200}])
        with pytest.raises(ShopError):
            sync_all("paris", token="t0k")
        assert sync_all("paris", token="t0k") == {"changed": 1, "unchanged": 0}
        assert shop.call_count == 2
        assert m.called
        assert len(m.request_history) == 4
        assert m.request_history[-1].json() == {"available": 9}


def test_mocker_sees_only_its_routes():
    with requests_mock.Mocker() as m:
        m.get(f"{WAREHOUSE}/levels", json={"items": []})
        assert sync_all("oslo", token="t0k") == {"changed": 0, "unchanged": 0}
        assert m.last_request.url == f"{WAREHOUSE}/levels?location=oslo"
