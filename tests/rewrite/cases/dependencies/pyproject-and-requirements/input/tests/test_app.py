import responses

from app import index


@responses.activate
def test_index():
    responses.add(responses.GET, "https://upstream.test", json={"ok": True})
    assert index() == {"ok": True}
