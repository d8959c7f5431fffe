from jobs.base import Folder


def test_poll_hands_the_jobs_on(monkeypatch, mocker):
    def fake_poll(self):
        return {"jobs": [{"name": "Foo", "color": "blue"}]}

    monkeypatch.setattr(Folder, "_poll", fake_poll)
    stub = mocker.stub(name="resolve")
    monkeypatch.setattr(Folder, "resolve", stub)

    Folder("http://ci.example.com").poll()

    stub.assert_called_once_with([{"name": "Foo", "color": "blue"}])


def test_folders_are_resolved():
    data = Folder("http://ci.example.com").poll()

    assert data["jobs"] == [
        {"name": "Foo", "color": "blue"},
        {"name": "Bar", "color": "red"},
    ]
