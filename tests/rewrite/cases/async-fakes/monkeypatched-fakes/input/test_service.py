import service


def fake_fetch(url):
    return {"title": "stub"}


def test_title(monkeypatch):
    monkeypatch.setattr(service, "fetch", fake_fetch)
    monkeypatch.setattr("service.fetch", lambda url: {"title": "inline"})
