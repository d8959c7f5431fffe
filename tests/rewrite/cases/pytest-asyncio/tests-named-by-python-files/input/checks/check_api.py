import responses

from pkg.api import fetch


@responses.activate
def test_fetch():
    responses.add(responses.GET, "https://api.example.com/items/a", json={"name": "a"})
    assert fetch("a") == {"name": "a"}


class TestFetch:
    @responses.activate
    def test_missing(self):
        responses.add(responses.GET, "https://api.example.com/items/b", status=404)
        try:
            fetch("b")
        except Exception as error:
            assert "404" in str(error)
        else:
            raise AssertionError("no error")
