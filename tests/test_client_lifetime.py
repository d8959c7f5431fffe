"""Client lifetime under Flask: one AsyncClient per event loop.

Flask runs every async view on a new event loop (asgiref's async_to_sync ->
asyncio.run in a worker thread). A module-level ``httpx.AsyncClient``
therefore breaks on the next request, once its pooled keep-alive connection
belongs to a closed loop. The migrated code keeps one client per loop
(``AsyncClientPerLoop``, in the helpers module the MIG001 rule writes), reuses it for every
call made while serving one request, and closes it when the loop shuts down.
These tests prove both halves against keep-alive upstreams.
"""

from __future__ import annotations

import concurrent.futures
import subprocess
import sys
from pathlib import Path

import httpx
from flask import Flask

from migrate.compare.server import serve_wsgi
from sample_migrated_app import create_app
from sample_migrated_app._async_helpers import AsyncClientPerLoop
from sample_upstreams import UpstreamCluster


def _app(upstreams: UpstreamCluster, tmp_path: Path) -> Flask:
    return create_app({**upstreams.app_config(), "DATABASE": str(tmp_path / "db.sqlite3")})


NAIVE_APP = """
import sys
import httpx
from flask import Flask
from migrate.compare.server import serve_wsgi

app = Flask("naive")
naive = httpx.AsyncClient(headers={"X-Api-Key": "dev-key"})


@app.get("/rates")
async def rates():
    resp = await naive.get(sys.argv[1] + "/v1/rates")
    return resp.json()


with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url) as client:
    print(client.get("/rates").status_code, client.get("/rates").status_code)
"""


def test_module_level_async_client_breaks_on_the_second_request(
    upstreams: UpstreamCluster,
) -> None:
    """The hazard itself: what a naive rewrite produces fails (encode/httpx#2473).

    It runs in its own process: the broken client's connection belongs to a
    closed loop and can never be closed cleanly, so it would warn later here.
    """
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", NAIVE_APP, upstreams.urls["rates"]],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.split() == ["200", "500"], result.stderr
    assert "Event loop is closed" in result.stderr


def test_many_sequential_and_concurrent_requests(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    app = _app(upstreams, tmp_path)
    with serve_wsgi(app, threads=8) as base_url, httpx.Client(base_url=base_url) as client:
        statuses = [client.get("/api/dashboard").status_code for _ in range(25)]
        statuses += [client.get("/api/feed/2").status_code for _ in range(10)]

        def one(path: str) -> int:
            with httpx.Client(base_url=base_url) as own:
                return own.get(path).status_code

        paths = ["/api/dashboard", "/api/feed/1", "/city/Oslo", "/api/search?q=x"] * 10
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            statuses += list(pool.map(one, paths))
    assert statuses == [200] * len(statuses)
    assert len(upstreams.log.entries()) > 25 * 3


def test_calls_within_one_request_share_a_connection(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    """A report polls the job service four times in one request: one connection."""
    app = _app(upstreams, tmp_path)
    with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url) as client:
        for _ in range(3):
            upstreams.log.clear()
            assert client.post("/api/reports", json={"kind": "sales"}).status_code == 200
            entries = upstreams.log.entries()
            assert len(entries) == 4
            assert len({e.client_port for e in entries}) == 1


def test_a_client_per_loop_is_closed_with_its_loop() -> None:
    import asyncio

    made: list[httpx.AsyncClient] = []

    def factory() -> httpx.AsyncClient:
        made.append(httpx.AsyncClient())
        return made[-1]

    per_loop = AsyncClientPerLoop(factory)

    async def use() -> tuple[int, int]:
        first = per_loop._running_client()
        second = per_loop._running_client()
        return id(first), id(second)

    a = asyncio.run(use())
    b = asyncio.run(use())
    assert a[0] == a[1]  # reused within a loop
    assert a[0] != b[0] or len(made) == 2  # a new loop gets a new client
    assert len(made) == 2
    assert all(client.is_closed for client in made)


def test_sync_close_closes_the_clients_of_idle_loops_only() -> None:
    """``session.close()`` kept in sync code: what it can close, it closes."""
    import asyncio

    made: list[httpx.AsyncClient] = []

    def factory() -> httpx.AsyncClient:
        made.append(httpx.AsyncClient())
        return made[-1]

    per_loop = AsyncClientPerLoop(factory)

    async def use() -> httpx.AsyncClient:
        return per_loop._running_client()

    async def close_while_running() -> bool:
        client = per_loop._running_client()
        per_loop.close()  # a sync close() called from async code
        return client.is_closed

    idle = asyncio.new_event_loop()
    try:
        kept = idle.run_until_complete(use())
        assert asyncio.run(close_while_running()) is False
        assert not kept.is_closed
        per_loop.close()
        assert kept.is_closed
        # The loop runs again: it gets a new client, as a closed requests
        # Session would open new connections.
        assert idle.run_until_complete(use()) is not kept
    finally:
        # Shut the loop down as asyncio.run would: its client's closer runs.
        pending = asyncio.all_tasks(idle)
        for task in pending:
            task.cancel()
        idle.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        idle.close()
    assert len(made) == 3
    assert all(client.is_closed for client in made)


def test_a_later_loop_client_starts_from_the_session_as_left() -> None:
    """A login on one Flask request holds for the next: headers, auth and query
    parameters set on one loop's client are where the next loop's starts, and
    every loop's client shares one cookie jar."""
    import asyncio

    per_loop = AsyncClientPerLoop(lambda: httpx.AsyncClient(headers={"Accept": "text/plain"}))

    async def log_in() -> None:
        per_loop.headers["Authorization"] = "Bearer t1"
        per_loop.params = httpx.QueryParams({"lang": "en"})
        per_loop.auth = httpx.BasicAuth("bot", "pw")
        per_loop.cookies.set("sid", "s1", domain="example.com")

    async def state() -> tuple[str | None, str | None, str, bool]:
        client = per_loop._running_client()
        return (
            client.headers.get("Authorization"),
            client.headers.get("Accept"),
            str(client.params),
            isinstance(client.auth, httpx.BasicAuth),
        )

    async def set_cookie_later() -> None:
        per_loop.cookies.set("theme", "dark", domain="example.com")

    asyncio.run(log_in())
    assert asyncio.run(state()) == ("Bearer t1", "text/plain", "lang=en", True)
    # Set in sync code, where no loop (and so no client) runs.
    per_loop.params = {"lang": "fr"}
    per_loop.headers["Accept"] = "application/json"
    assert asyncio.run(state()) == ("Bearer t1", "application/json", "lang=fr", True)
    asyncio.run(set_cookie_later())

    async def cookies() -> dict[str, str]:
        return dict(per_loop.cookies)

    assert asyncio.run(cookies()) == {"sid": "s1", "theme": "dark"}


def test_a_subclass_attribute_set_on_the_session_reaches_every_client() -> None:
    """``session.token = ...`` on a migrated ``requests.Session`` subclass that reads
    ``self.token`` in its ``send``: set on the wrapper, it is the clients' (this
    loop's, and the next's), not the wrapper's alone; a test's patch of a method
    stays on the wrapper."""
    import asyncio

    class TokenClient(httpx.AsyncClient):
        token: str | None = None

    per_loop = AsyncClientPerLoop(TokenClient)

    async def token() -> str | None:
        return per_loop._running_client().token  # type: ignore[attr-defined]

    per_loop.token = "t1"  # type: ignore[attr-defined]
    assert asyncio.run(token()) == "t1"

    async def log_in_again() -> None:
        per_loop.token = "t2"  # type: ignore[attr-defined]

    asyncio.run(log_in_again())
    assert asyncio.run(token()) == "t2"
    assert per_loop.token == "t2"  # type: ignore[attr-defined]

    def fake_get(*args: object) -> None:
        return None

    per_loop.get = fake_get  # type: ignore[method-assign]
    assert per_loop.get is fake_get
    assert asyncio.run(token()) == "t2"
    assert not hasattr(per_loop._latest, "fake_get")
