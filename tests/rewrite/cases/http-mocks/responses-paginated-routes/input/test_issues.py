import responses

from issues import API, titles


@responses.activate
def test_follows_the_next_link():
    responses.get(
        f"{API}/repos/o/x/issues",
        json=[{"title": "a"}, {"title": "b"}],
        headers={"Link": f'<{API}/repos/o/x/issues?page=2>; rel="next"'},
    )
    responses.get(f"{API}/repos/o/x/issues?page=2", json=[{"title": "c"}])
    assert titles("o/x") == ["a", "b", "c"]
    assert len(responses.calls) == 2


@responses.activate
def test_stops_at_the_limit():
    responses.get(
        f"{API}/repos/o/x/issues",
        json=[{"title": "a"}, {"title": "b"}],
        headers={"Link": f'<{API}/repos/o/x/issues?page=2>; rel="next"'},
    )
    # Another repository, registered in between.
    responses.get(f"{API}/repos/o/y/issues", json=[])
    responses.get(
        f"{API}/repos/o/x/issues?page=2",
        json=[{"title": "c"}, {"title": "d"}],
        headers={"Link": f'<{API}/repos/o/x/issues?page=3>; rel="next"'},
    )
    assert titles("o/x", limit=3) == ["a", "b", "c"]
    assert titles("o/y") == []
    assert len(responses.calls) == 3
