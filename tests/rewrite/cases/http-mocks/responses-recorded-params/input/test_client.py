import responses

from client import URL, fetch_feed


@responses.activate
def test_since_sent_as_query():
    responses.add(responses.GET, URL, body="A1\n\nB2\n", content_type="text/plain")
    assert fetch_feed(since="2024-01-01") == ["A1", "B2"]
    assert responses.calls[0].request.params == {"since": "2024-01-01"}


@responses.activate
def test_a_parameter_given_twice_is_a_list():
    responses.add(responses.GET, URL, body="C3")
    assert fetch_feed(since="2024-02-01", tags=["new", "sale"]) == ["C3"]
    assert responses.calls[-1].request.params["tag"] == ["new", "sale"]
    assert responses.calls[-1].request.params == {
        "since": "2024-02-01",
        "tag": ["new", "sale"],
    }


@responses.activate
def test_no_query_by_default():
    responses.add(responses.GET, URL, body="D4")
    assert fetch_feed() == ["D4"]
    assert responses.calls[0].request.params == {}


def test_recorded_by_a_mock_object():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, URL, body="E5")
        assert fetch_feed(tags=["old"]) == ["E5"]
        assert rsps.calls[0].request.params == {"tag": "old"}


@responses.activate
def test_recorded_requests_kept_in_locals():
    responses.add(responses.GET, URL, body="F6")
    assert fetch_feed(since="2024-03-01") == ["F6"]
    call = responses.calls[0]
    request = call.request
    assert request.url.startswith(URL)
    assert "since=2024-03-01" in request.url
    assert request.params == {"since": "2024-03-01"}
    for each in responses.calls:
        assert each.request.url.endswith("since=2024-03-01")
