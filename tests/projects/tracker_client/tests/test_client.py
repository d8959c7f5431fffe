import pytest
import requests
import responses
from responses import matchers

from tracker import NotFound, TrackerClient, TrackerError
from tracker.client import open_issue_titles

BASE = "https://tracker.example.com/api"
ISSUE = {"id": 7, "title": "Crash on save", "state": "open", "labels": [{"name": "bug"}]}


def make_client():
    return TrackerClient(BASE, token="s3cret", backoff=0)


@responses.activate
def test_get_issue():
    responses.add(responses.GET, f"{BASE}/issues/7", json=ISSUE, status=200)
    issue = make_client().get_issue(7)
    assert issue.title == "Crash on save"
    assert issue.labels == ["bug"]
    assert len(responses.calls) == 1
    assert responses.calls[0].request.headers["Authorization"] == "Bearer s3cret"


@responses.activate
def test_get_issue_not_found():
    responses.add(responses.GET, f"{BASE}/issues/99", json={"error": "no such issue"}, status=404)
    with pytest.raises(NotFound):
        make_client().get_issue(99)


@responses.activate
def test_list_issues_sends_filters():
    responses.add(
        responses.GET,
        f"{BASE}/issues",
        json=[ISSUE, {**ISSUE, "id": 8, "title": "Slow search", "labels": []}],
        match=[matchers.query_param_matcher({"state": "open", "label": "bug"})],
    )
    issues = make_client().list_issues(label="bug")
    assert [i.id for i in issues] == [7, 8]
    assert responses.calls[0].request.url == f"{BASE}/issues?state=open&label=bug"


@responses.activate
def test_create_issue_posts_json():
    responses.add(
        responses.POST,
        f"{BASE}/issues",
        json={**ISSUE, "id": 12, "title": "New"},
        status=201,
        match=[matchers.json_params_matcher({"title": "New", "labels": ["ui"]})],
    )
    issue = make_client().create_issue("New", labels=["ui"])
    assert issue.id == 12
    assert responses.calls[0].request.method == "POST"


@responses.activate
def test_close_issue():
    responses.add(responses.PATCH, f"{BASE}/issues/7", json={**ISSUE, "state": "closed"})
    assert make_client().close_issue(7).state == "closed"


@responses.activate
def test_add_comment_returns_id():
    responses.post(f"{BASE}/issues/7/comments", json={"id": 501}, status=201)
    assert make_client().add_comment(7, "Looking into it") == 501
    assert len(responses.calls) == 1


@responses.activate
def test_validation_error_message():
    responses.add(responses.POST, f"{BASE}/issues", json={"error": "title is required"}, status=422)
    with pytest.raises(TrackerError) as info:
        make_client().create_issue("")
    assert info.value.status == 422
    assert info.value.message == "title is required"


@responses.activate
def test_server_error_is_retried():
    responses.add(responses.GET, f"{BASE}/issues/7", json={"error": "busy"}, status=503)
    responses.add(responses.GET, f"{BASE}/issues/7", json=ISSUE, status=200)
    assert make_client().get_issue(7).id == 7
    assert len(responses.calls) == 2


@responses.activate
def test_server_error_after_retries():
    responses.add(responses.DELETE, f"{BASE}/issues/7", body="oops", status=500)
    with pytest.raises(TrackerError) as info:
        TrackerClient(BASE, token="s3cret", retries=0).delete_issue(7)
    assert info.value.status == 500
    assert info.value.message == "oops"


@responses.activate
def test_connection_error_is_raised_after_retries():
    responses.add(responses.GET, f"{BASE}/issues/7", body=requests.ConnectionError("refused"))
    with pytest.raises(requests.ConnectionError):
        make_client().get_issue(7)
    assert len(responses.calls) == 3


@responses.activate
def test_open_issue_titles(api):
    responses.add(responses.GET, f"{BASE}/issues", json=[ISSUE])
    assert open_issue_titles(api) == ["Crash on save"]


def test_client_strips_trailing_slash():
    assert TrackerClient(BASE + "/", token="x").base_url == BASE
