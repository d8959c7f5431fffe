from info import search

SERVER = "https://jira.example.com"


def test_search_asks_exactly(requests_mock):
    requests_mock.get(SERVER + "/search?q=lamp", json={"hits": 2}, complete_qs=True)
    assert search(SERVER, "lamp") == {"hits": 2}
    assert requests_mock.call_count == 1
