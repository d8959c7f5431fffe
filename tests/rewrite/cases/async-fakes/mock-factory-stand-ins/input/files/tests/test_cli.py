import io
from unittest.mock import call, patch

from files.cli import fetch, listing
from files.models import Client
from files.tests.mocks import MockProject


@patch.object(Client, "project", return_value=MockProject("p1"))
def test_fetch_writes_the_matching_file(project):
    fp = io.BytesIO()

    assert fetch("http://api.example.com", "p1", "osf", "/b.txt", fp)

    project.assert_called_once_with("p1")
    store = project.return_value._storage_mock.return_value
    project.return_value._storage_mock.assert_called_once_with("osf")
    assert store.files[0].write_to.call_count == 0
    assert store.files[1].mock_calls == [call.write_to(fp)]


@patch.object(Client, "project", return_value=MockProject("p1"))
def test_fetch_without_a_match(project):
    assert not fetch("http://api.example.com", "p1", "osf", "/c.txt", io.BytesIO())
    assert not project.return_value.storage.return_value.files[0].write_to.called


@patch("files.cli.Client.project", return_value=MockProject("p2"))
def test_listing_walks_every_storage(project):
    assert listing("http://api.example.com", "p2") == [
        ("osf", "/a.txt"),
        ("osf", "/b.txt"),
        ("gh", "/a.txt"),
        ("gh", "/b.txt"),
    ]
    assert len(project.return_value.storages) == 2


def test_fetch_from_the_service():
    fp = io.BytesIO()
    assert fetch("http://api.example.com", "p1", "gh", "/notes.md", fp)
    assert fp.getvalue() == b"# notes"
