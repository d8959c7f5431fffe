"""A test faking requests through the module under test
(``monkeypatch.setattr(lookup.requests, "get", fake_get)``) with a response
class of its own (``FakeResponse``, a ``status_code`` and ``json()``), and
naming requests' errors through that module (``lookup.requests.HTTPError``):
the fake moves to ``httpx.AsyncClient.get``, the class gets ``is_error`` (the
guard the code reads before ``raise_for_status()``), and the errors are httpx's."""

ROUTES = {
    "GET geo.example.com /ip/4.4.4.4": (200, {"city": "Denver", "country": "US"}),
}
