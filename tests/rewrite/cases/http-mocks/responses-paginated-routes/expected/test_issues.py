import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from issues import API, titles


@pytest.mark.asyncio
@respx.mock
async def test_follows_the_next_link():
    unmatched_connect_error(respx)
    respx.get(f"{API}/repos/o/x/issues?page=2").mock(
        return_value=httpx.Response(200, json=[{"title": "c"}])
    )
    respx.get(f"{API}/repos/o/x/issues").mock(
        return_value=httpx.Response(
            200,
            json=[{"title": "a"}, {"title": "b"}],
            headers={"Link": f'<{API}/repos/o/x/issues?page=2>; rel="next"'},
        )
    )
    assert await titles("o/x") == ["a", "b", "c"]
    assert len(respx.calls) == 2


@pytest.mark.asyncio
@respx.mock
async def test_stops_at_the_limit():
    unmatched_connect_error(respx)
    # Another repository, registered in between.
    respx.get(f"{API}/repos/o/y/issues").mock(return_value=httpx.Response(200, json=[]))
    respx.get(f"{API}/repos/o/x/issues?page=2").mock(
        return_value=httpx.Response(
            200,
            json=[{"title": "c"}, {"title": "d"}],
            headers={"Link": f'<{API}/repos/o/x/issues?page=3>; rel="next"'},
        )
    )
    respx.get(f"{API}/repos/o/x/issues").mock(
        return_value=httpx.Response(
            200,
            json=[{"title": "a"}, {"title": "b"}],
            headers={"Link": f'<{API}/repos/o/x/issues?page=2>; rel="next"'},
        )
    )
    assert await titles("o/x", limit=3) == ["a", "b", "c"]
    assert await titles("o/y") == []
    assert len(respx.calls) == 3
