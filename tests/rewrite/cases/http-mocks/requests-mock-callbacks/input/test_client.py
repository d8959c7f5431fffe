import requests
import requests_mock

import client


def stock_levels(request, context):
    context.headers["X-Host"] = request.hostname
    return {sku: len(sku) for sku in request.qs["sku"]}


def test_json_callback(requests_mock):
    requests_mock.get(f"{client.API}/levels", json=stock_levels)
    assert client.levels("a", "bb") == (200, {"a": 1, "bb": 2})
    assert requests_mock.last_request.qs == {"sku": ["a", "bb"]}


def test_text_callback_sets_the_status():
    def reserved(request, context):
        item = request.json()
        if item["count"] > 3:
            context.status_code = 409
            context.reason = "Conflict"
            return "too many"
        context.headers = {"X-Left": str(10 - item["count"])}
        return f"reserved {item['sku']}"

    with requests_mock.Mocker() as m:
        m.post(f"{client.API}/reserve", text=reserved, status_code=201)
        assert client.reserve("a", 2) == (201, "8", "reserved a")
        assert client.reserve("a", 5) == (409, "Conflict")
        assert m.call_count == 2


def test_content_callback_and_path():
    with requests_mock.Mocker() as m:
        m.get(
            requests_mock.ANY,
            content=lambda request, context: request.path.encode(),
        )
        assert client.label("AB-1") == b"/v2/labels/ab-1"


def test_callbacks_in_turn():
    with requests_mock.Mocker() as m:
        m.get(
            f"{client.API}/Labels/x",
            [
                {"status_code": 503, "text": lambda request, context: "busy"},
                {"content": lambda request, context: request.method.encode()},
            ],
        )
        try:
            client.label("x")
        except requests.HTTPError as exc:
            assert exc.response.text == "busy"
        assert client.label("x") == b"GET"
        assert client.label("x") == b"GET"
