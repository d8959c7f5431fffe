import pytest

from tracker import TrackerClient

BASE = "https://tracker.example.com/api"


@pytest.fixture
def api():
    return TrackerClient(BASE, token="s3cret", backoff=0)
