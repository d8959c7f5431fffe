import unittest

import responses

from tracker import TrackerClient

BASE = "https://tracker.example.com/api"
ISSUE = {"id": 7, "title": "Crash on save", "state": "open", "labels": [{"name": "bug"}]}
FETCHED = []


def fetch_title():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, f"{BASE}/issues/7", json=ISSUE, status=200)
        title = TrackerClient(BASE, token="s3cret", backoff=0).get_issue(7).title
    FETCHED.append(title)
    return title


def setup_module():
    fetch_title()


class TestIssueFetchedOnce(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.title = fetch_title()

    @classmethod
    def tearDownClass(cls):
        assert FETCHED.count("Crash on save") >= 2

    def test_title(self):
        self.assertEqual(self.title, "Crash on save")

    def test_module_fetched_first(self):
        self.assertEqual(FETCHED[0], self.title)


class TestIssueFetchedPerTest:
    def setup_method(self):
        self.title = fetch_title()

    def teardown_method(self):
        assert FETCHED[-1] == self.title

    def test_title(self):
        assert self.title == "Crash on save"
