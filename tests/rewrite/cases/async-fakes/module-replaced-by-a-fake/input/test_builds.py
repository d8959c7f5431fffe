import pytest
import requests

import builds


class FakeResponse:
    def __init__(self, data, status=200):
        self.data = data
        self.status_code = status

    def json(self):
        return self.data

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(str(self.status_code))


class FakeRequests:
    """Stands in for the requests module builds imports."""

    def __init__(self, states):
        self.states = list(states)
        self.calls = []

    def get(self, url, timeout=None):
        self.calls.append(url)
        return FakeResponse({"state": self.states.pop(0)})


def test_waits_until_the_build_ends(monkeypatch):
    fake = FakeRequests(["running", "running", "passed"])
    monkeypatch.setattr(builds, "requests", fake)
    assert builds.wait_for_build(7) == "passed"
    assert fake.calls == ["https://ci.example.com/api/builds/7"] * 3


def test_gives_up(monkeypatch):
    monkeypatch.setattr(builds, "requests", FakeRequests(["running"] * 2))
    with pytest.raises(TimeoutError):
        builds.wait_for_build(8, max_polls=2)
