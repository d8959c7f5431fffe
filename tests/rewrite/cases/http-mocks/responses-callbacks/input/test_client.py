import json

import pytest
import requests
import responses

import client


def echo_search(request):
    body = {"q": request.params["q"], "page": int(request.params["page"])}
    return 200, {"Content-Type": "application/json"}, json.dumps(body)


def created(request):
    item = json.loads(request.body)
    assert request.method == "POST"
    assert request.headers["x-token"] == "t1"
    assert request.url == f"{client.API}/items"
    return 201, {"Location": f"/items/{item['id']}"}, json.dumps({"made": item["id"]})


@responses.activate
def test_search_echoes_the_query():
    responses.add_callback(responses.GET, f"{client.API}/search", callback=echo_search)
    assert client.search("lamp", page=2) == {"q": "lamp", "page": 2}
    assert responses.calls[0].request.url.endswith("page=2")


@responses.activate
def test_create_with_content_type():
    responses.add_callback(
        responses.POST, f"{client.API}/items", callback=created, content_type="application/json"
    )
    status, content_type, text = client.create({"id": 7})
    assert (status, content_type) == (201, "application/json")
    assert json.loads(text) == {"made": 7}


@responses.activate
def test_form_body_and_default_content_type():
    def renamed(request):
        return 200, [("X-Seen", request.body)], request.body.encode() + b"!"

    responses.add_callback("PUT", f"{client.API}/items/3", renamed)
    assert client.rename(3, "desk lamp") == (200, b"name=desk+lamp!")


@responses.activate
def test_callback_answering_an_error():
    seen = []

    def busy(request):
        seen.append(request.path_url)
        return 503, {}, "busy"

    responses.add_callback(responses.GET, f"{client.API}/search", callback=busy)
    with pytest.raises(requests.HTTPError):
        client.search("x")
    assert seen == ["/api/search?q=x&page=1"]


@responses.activate
def test_lambda_callback():
    responses.add_callback(
        responses.DELETE,
        f"{client.API}/items/1",
        callback=lambda request: (204, {}, ""),
    )
    assert client.remove(1) == 204
