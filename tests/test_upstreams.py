"""Tests of the fake upstream services, through real HTTP clients."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests

from sample_upstreams import LogEntry, RequestLog, UpstreamCluster

# Registering the plugin here too keeps this file runnable on its own; pytest
# ignores the second registration when conftest.py also lists it.

KEY = {"X-Api-Key": "dev-key"}


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        s.headers.update(KEY)
        yield s


def get(session: requests.Session, url: str, **kwargs: Any) -> requests.Response:
    with session.get(url, **kwargs) as response:
        response.content  # noqa: B018 - read fully so the connection goes back to the pool
        return response


def post(session: requests.Session, url: str, payload: Any) -> requests.Response:
    with session.post(url, json=payload) as response:
        response.content  # noqa: B018
        return response


# -- happy paths -------------------------------------------------------------------


def test_app_config_has_every_service(upstreams: UpstreamCluster) -> None:
    config = upstreams.app_config()
    assert list(config) == [
        "WEATHER_URL",
        "EVENTS_URL",
        "RATES_URL",
        "SOCIAL_URL",
        "PAYMENTS_URL",
        "INVENTORY_URL",
        "JOBS_URL",
        "SEARCH_URL",
        "CATALOG_URL",
    ]
    assert config["WEATHER_URL"] == upstreams.urls["weather"]
    assert len(set(config.values())) == 9
    assert all(url.startswith("http://127.0.0.1:") for url in config.values())


def test_weather_is_deterministic(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url = upstreams.urls["weather"] + "/v1/weather"
    first = get(session, url, params={"city": "Oslo"})
    second = get(session, url, params={"city": "Oslo"})
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/json"
    body = first.json()
    assert body == second.json()
    assert body["city"] == "Oslo"
    assert isinstance(body["temp_c"], float)
    assert isinstance(body["conditions"], str)
    assert get(session, url).status_code == 400
    assert get(session, url).json() == {"error": "city required"}


def test_events(upstreams: UpstreamCluster, session: requests.Session) -> None:
    body = get(session, upstreams.urls["events"] + "/v1/events", params={"city": "Lima"}).json()
    assert body["city"] == "Lima"
    assert len(body["events"]) == 3
    for event in body["events"]:
        assert set(event) == {"id", "name", "date"}
        assert event["date"].startswith("2026-12-0")


def test_rates(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url = upstreams.urls["rates"] + "/v1/rates"
    body = get(session, url, params={"base": "EUR"}).json()
    assert body == {"base": "EUR", "rates": {"USD": 1.08, "GBP": 0.86, "JPY": 162.3}}
    usd = get(session, url, params={"base": "USD"}).json()
    assert usd["base"] == "USD"
    assert usd["rates"]["EUR"] == round(1 / 1.08, 4)


def test_social(upstreams: UpstreamCluster, session: requests.Session) -> None:
    base = upstreams.urls["social"] + "/v1/users"
    assert get(session, f"{base}/7").json() == {"id": 7, "name": "User 7", "handle": "user7"}
    assert get(session, f"{base}/1/following").json() == {
        "user_id": 1,
        "ids": list(range(2, 14)),
    }
    assert get(session, f"{base}/2/following").json()["ids"] == [1, 3]
    assert get(session, f"{base}/5/following").json()["ids"] == []
    assert get(session, f"{base}/3/posts/latest").json() == {
        "user_id": 3,
        "text": "Post by user3",
        "posted_at": "2026-11-04T12:00:00Z",
    }
    missing = get(session, f"{base}/21")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not found"}
    routes = [e.route for e in upstreams.log.for_service("social")]
    assert routes[:2] == ["/v1/users/{id}", "/v1/users/{id}/following"]


def test_payments(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url = upstreams.urls["payments"] + "/v1/charges"
    ok = post(session, url, {"order_id": "o1", "amount_cents": 1500, "currency": "EUR"})
    assert ok.status_code == 201
    assert ok.json() == {"charge_id": "ch_o1", "status": "succeeded", "amount_cents": 1500}
    declined = post(session, url, {"order_id": "o2", "amount_cents": 100001, "currency": "EUR"})
    assert declined.status_code == 402
    assert declined.json() == {"error": "card_declined"}
    assert post(session, url, {"order_id": "o3"}).status_code == 400
    with session.post(url, data=b"not json") as bad:
        assert bad.status_code == 400
    entry = upstreams.log.for_service("payments")[0]
    assert json.loads(entry.body) == {"order_id": "o1", "amount_cents": 1500, "currency": "EUR"}
    assert entry.headers["content-type"] == "application/json"


def test_inventory_stock_and_reset(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url = upstreams.urls["inventory"] + "/v1/reservations"
    first = post(session, url, {"order_id": "a", "sku": "SKU-001", "quantity": 3})
    assert first.status_code == 201
    assert first.json() == {"reservation_id": "res_a", "sku": "SKU-001", "quantity": 3}
    short = post(session, url, {"order_id": "b", "sku": "SKU-001", "quantity": 3})
    assert short.status_code == 409
    assert short.json() == {"error": "out_of_stock", "sku": "SKU-001"}
    # Other SKUs have their own stock.
    assert post(session, url, {"order_id": "c", "sku": "SKU-002", "quantity": 5}).status_code == 201
    upstreams.reset()
    again = post(session, url, {"order_id": "b", "sku": "SKU-001", "quantity": 5})
    assert again.status_code == 201


def test_jobs_polling(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url = upstreams.urls["jobs"] + "/v1/reports"
    created = post(session, url, {"kind": "sales"})
    assert created.status_code == 202
    assert created.json() == {"job_id": "job-1"}
    assert post(session, url, {"kind": "other"}).json() == {"job_id": "job-2"}
    polls = [get(session, f"{url}/job-1").json() for _ in range(3)]
    assert polls[0] == {"job_id": "job-1", "status": "pending"}
    assert polls[1] == {"job_id": "job-1", "status": "pending"}
    assert polls[2] == {
        "job_id": "job-1",
        "status": "done",
        "result": {"kind": "sales", "rows": 42},
    }
    assert get(session, f"{url}/job-99").status_code == 404
    upstreams.reset()
    assert post(session, url, {"kind": "sales"}).json() == {"job_id": "job-1"}


def test_search(upstreams: UpstreamCluster, session: requests.Session) -> None:
    body = get(session, upstreams.urls["search"] + "/v1/search", params={"q": "lamp"}).json()
    assert body == {
        "query": "lamp",
        "results": [{"id": i, "title": f"lamp result {i}"} for i in (1, 2, 3)],
    }


def test_catalog_pagination(upstreams: UpstreamCluster, session: requests.Session) -> None:
    url: str | None = upstreams.urls["catalog"] + "/v1/products"
    skus: list[str] = []
    pages = 0
    while url is not None:
        body = get(session, url).json()
        skus += [item["sku"] for item in body["items"]]
        url = body["next"]
        pages += 1
        if url is not None:
            assert url.startswith(upstreams.urls["catalog"] + "/v1/products?page=")
    assert pages == 3
    assert skus == [f"SKU-{k:03d}" for k in range(1, 16)]
    page2 = get(session, upstreams.urls["catalog"] + "/v1/products", params={"page": 2}).json()
    assert page2["items"][0] == {"sku": "SKU-006", "name": "Product 6", "price_cents": 600}


def test_httpx_client(upstreams: UpstreamCluster) -> None:
    with httpx.Client(base_url=upstreams.urls["search"], headers=KEY) as client:
        response = client.get("/v1/search", params={"q": "x"})
    assert response.status_code == 200
    assert response.http_version == "HTTP/1.1"


# -- auth and routing --------------------------------------------------------------


def test_missing_or_wrong_api_key_is_rejected_and_logged(upstreams: UpstreamCluster) -> None:
    url = upstreams.urls["weather"] + "/v1/weather?city=Oslo"
    with requests.Session() as s:
        with s.get(url) as missing:
            assert missing.status_code == 401
            assert missing.json() == {"error": "unauthorized"}
        with s.get(url, headers={"X-Api-Key": "nope"}) as wrong:
            assert wrong.status_code == 401
    assert [e.status for e in upstreams.log.entries()] == [401, 401]


def test_unknown_route(upstreams: UpstreamCluster, session: requests.Session) -> None:
    assert get(session, upstreams.urls["weather"] + "/v2/nothing").status_code == 404
    with session.post(upstreams.urls["weather"] + "/v1/weather") as response:
        assert response.status_code == 405


# -- faults ------------------------------------------------------------------------


def test_fault_error500(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.inject_fault("rates", "error500")
    url = upstreams.urls["rates"] + "/v1/rates"
    for _ in range(2):  # times=None: stays until reset
        response = get(session, url)
        assert response.status_code == 500
        assert response.json() == {"error": "internal"}
    upstreams.reset()
    assert get(session, url).status_code == 200


def test_fault_slow_times_out_the_client(
    upstreams: UpstreamCluster, session: requests.Session
) -> None:
    upstreams.inject_fault("weather", "slow", times=1)
    url = upstreams.urls["weather"] + "/v1/weather?city=Oslo"
    started = time.perf_counter()
    with pytest.raises(requests.exceptions.ReadTimeout):
        session.get(url, timeout=0.5)
    assert time.perf_counter() - started < 2
    # The stalled request does not hold up other requests.
    assert get(session, url, timeout=2).status_code == 200


def test_fault_malformed(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.inject_fault("search", "malformed")
    response = get(session, upstreams.urls["search"] + "/v1/search?q=x")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(requests.exceptions.JSONDecodeError):
        response.json()


def test_fault_drop(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.inject_fault("events", "drop")
    url = upstreams.urls["events"] + "/v1/events?city=Oslo"
    with pytest.raises(
        (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)
    ):
        session.get(url)
    with httpx.Client(headers=KEY) as client, pytest.raises(httpx.RemoteProtocolError):
        client.get(url)


def test_fault_times_expires(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.inject_fault("search", "error500", times=1)
    url = upstreams.urls["search"] + "/v1/search?q=x"
    assert get(session, url).status_code == 500
    assert get(session, url).status_code == 200


def test_fault_on_one_route_only(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.inject_fault("social", "error500", path="/v1/users/{id}/following")
    base = upstreams.urls["social"] + "/v1/users/1"
    assert get(session, base).status_code == 200
    assert get(session, base + "/following").status_code == 500


def test_faulted_request_has_no_side_effect(
    upstreams: UpstreamCluster, session: requests.Session
) -> None:
    upstreams.inject_fault("inventory", "error500", times=1)
    url = upstreams.urls["inventory"] + "/v1/reservations"
    payload = {"order_id": "a", "sku": "SKU-009", "quantity": 5}
    assert post(session, url, payload).status_code == 500
    assert post(session, url, payload).status_code == 201


def test_invalid_fault_arguments(upstreams: UpstreamCluster) -> None:
    with pytest.raises(ValueError):
        upstreams.inject_fault("nope", "error500")
    with pytest.raises(ValueError):
        upstreams.inject_fault("weather", "explode")
    with pytest.raises(ValueError):
        upstreams.set_latency("nope", 1.0)


# -- latency, overlap, keep-alive --------------------------------------------------


def _concurrent_gets(urls: list[str]) -> list[int]:
    statuses: list[int] = [0] * len(urls)
    barrier = threading.Barrier(len(urls))

    def worker(i: int) -> None:
        with requests.Session() as s:
            barrier.wait()
            with s.get(urls[i], headers=KEY, timeout=5) as response:
                statuses[i] = response.status_code

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(urls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return statuses


def test_concurrent_requests_overlap(upstreams: UpstreamCluster) -> None:
    upstreams.set_latency("social", 0.2)
    base = upstreams.urls["social"] + "/v1/users"
    assert _concurrent_gets([f"{base}/{i}" for i in (1, 2, 3)]) == [200, 200, 200]
    entries = upstreams.log.for_service("social")
    assert len(entries) == 3
    assert all(e.duration >= 0.19 for e in entries)
    a, b, c = entries
    assert RequestLog.overlapping(a, b)
    assert RequestLog.overlapping(b, c)
    assert RequestLog.overlapping(a, c)
    assert upstreams.log.max_in_flight("social") == 3
    assert upstreams.log.max_in_flight() == 3


def test_sequential_requests_do_not_overlap(
    upstreams: UpstreamCluster, session: requests.Session
) -> None:
    upstreams.set_latency("weather", 0.05)
    url = upstreams.urls["weather"] + "/v1/weather?city=Oslo"
    for _ in range(3):
        get(session, url)
    entries = upstreams.log.entries()
    assert [e.seq for e in entries] == [1, 2, 3]
    assert all(e.duration >= 0.045 for e in entries)
    assert not RequestLog.overlapping(entries[0], entries[1])
    assert not RequestLog.overlapping(entries[1], entries[2])
    assert upstreams.log.max_in_flight() == 1


def test_latency_per_route_and_reset(upstreams: UpstreamCluster, session: requests.Session) -> None:
    upstreams.set_latency("social", 0.15, path="/v1/users/{id}/following")
    base = upstreams.urls["social"] + "/v1/users/1"
    get(session, base)
    get(session, base + "/following")
    fast, slow = upstreams.log.entries()
    assert slow.duration >= 0.14 > fast.duration
    upstreams.reset()
    get(session, base + "/following")
    assert upstreams.log.entries()[0].duration < slow.duration


def test_keep_alive_reuses_connection(
    upstreams: UpstreamCluster, session: requests.Session
) -> None:
    url = upstreams.urls["rates"] + "/v1/rates"
    get(session, url)
    get(session, url)
    first, second = upstreams.log.entries()
    assert first.client_port == second.client_port
    with requests.Session() as other:
        other.headers.update(KEY)
        get(other, url)
    assert upstreams.log.entries()[2].client_port != first.client_port


def test_keep_alive_connections_get_tcp_nodelay(upstreams: UpstreamCluster) -> None:
    # Without TCP_NODELAY on the server's sockets, Nagle and the client's
    # delayed ACK make every keep-alive request after the first wait ~40 ms.
    # asyncio (under uvicorn) sets it on the connections it accepts only when
    # the listening socket's proto says TCP: check both halves, no clock.
    assert all(s.proto == socket.IPPROTO_TCP for s in upstreams.listening_sockets)

    async def accepted_nodelay() -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        listener.bind(("127.0.0.1", 0))
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def on_connect(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname())
            value = await accepted
            writer.close()
            await writer.wait_closed()
        return value

    assert asyncio.run(accepted_nodelay()) != 0


def test_log_entry_fields(upstreams: UpstreamCluster, session: requests.Session) -> None:
    get(session, upstreams.urls["social"] + "/v1/users/4", params={"x": "1"})
    (entry,) = upstreams.log.entries()
    assert isinstance(entry, LogEntry)
    assert (entry.seq, entry.service, entry.method) == (1, "social", "GET")
    assert (entry.path, entry.route, entry.query) == ("/v1/users/4", "/v1/users/{id}", "x=1")
    assert entry.status == 200
    assert entry.headers["x-api-key"] == "dev-key"
    assert entry.body == b""
    assert entry.start <= entry.end <= time.perf_counter()


def test_max_in_flight_arithmetic() -> None:
    def entry(seq: int, start: float, end: float, service: str = "s") -> LogEntry:
        return LogEntry(seq, service, "GET", "/", "/", "", start, end, 200, 1)

    log = RequestLog()
    for e in (entry(1, 0, 2), entry(2, 1, 3), entry(3, 2, 4, "t"), entry(4, 5, 6)):
        _seq, generation = log.begin()
        log.record(e, generation)
    assert log.max_in_flight() == 2  # 1 ends exactly when 3 starts: not overlapping
    assert log.max_in_flight("t") == 1
    assert log.max_in_flight("missing") == 0
    log.clear()
    assert log.entries() == []


# -- control routes and standalone process -----------------------------------------


def test_control_routes(upstreams: UpstreamCluster, session: requests.Session) -> None:
    control = upstreams.urls["weather"]
    with requests.Session() as plain:  # no api key: control routes do not need one
        post(plain, control + "/_fault", {"service": "rates", "kind": "error500", "times": 1})
        post(plain, control + "/_latency", {"service": "search", "seconds": 0.1})
        assert get(session, upstreams.urls["rates"] + "/v1/rates").status_code == 500
        get(session, upstreams.urls["search"] + "/v1/search?q=a")
        log = get(plain, control + "/_log").json()
        assert [(e["service"], e["status"]) for e in log] == [("rates", 500), ("search", 200)]
        assert log[1]["end"] - log[1]["start"] >= 0.09
        bad = post(plain, control + "/_fault", {"service": "rates", "kind": "nope"})
        assert bad.status_code == 400
        assert post(plain, control + "/_reset", {}).json() == {"ok": True}
        assert get(plain, control + "/_log").json() == []
    assert upstreams.log.entries() == []


def test_standalone_cluster_stops_quickly_with_request_in_flight() -> None:
    cluster = UpstreamCluster(latency=0.0, api_key="k").start()
    try:
        cluster.inject_fault("weather", "slow")
        with requests.Session() as s, pytest.raises(requests.exceptions.ReadTimeout):
            s.get(
                cluster.urls["weather"] + "/v1/weather?city=a",
                headers={"X-Api-Key": "k"},
                timeout=0.2,
            )
    finally:
        started = time.perf_counter()
        cluster.stop()
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize("loop", [[], ["--loop", "uvloop"]], ids=["default", "uvloop"])
def test_python_m_sample_upstreams(loop: list[str]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sample_upstreams", "--latency", "0", *loop],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(9)]
        config = dict(line.split("=", 1) for line in lines)
        assert next(iter(config)) == "WEATHER_URL"
        with requests.get(
            config["WEATHER_URL"] + "/v1/weather?city=Oslo", headers=KEY, timeout=5
        ) as response:
            assert response.status_code == 200
    finally:
        proc.terminate()
        assert proc.wait(10) == 0
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.fixture(scope="module", params=["asyncio", "uvloop"])
def tls_cluster(request: pytest.FixtureRequest) -> Iterator[UpstreamCluster]:
    """On either event loop: the held handshake bytes and TLS work the same."""
    with UpstreamCluster(tls=True, rtt=0.05, loop=request.param) as cluster:
        yield cluster


def test_the_servers_run_on_the_loop_asked_for(tls_cluster: UpstreamCluster) -> None:
    assert type(tls_cluster._loop).__module__.split(".")[0] == tls_cluster._loop_kind


def test_an_unknown_loop_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown loop 'tokio'"):
        UpstreamCluster(loop="tokio")


def test_tls_cluster_is_trusted_only_through_its_ca_bundle(tls_cluster: UpstreamCluster) -> None:
    url = tls_cluster.urls["weather"] + "/v1/weather?city=Oslo"
    assert url.startswith("https://127.0.0.1:")
    assert tls_cluster.ca_bundle is not None
    assert tls_cluster.client_env() == {
        "REQUESTS_CA_BUNDLE": tls_cluster.ca_bundle,
        "SSL_CERT_FILE": tls_cluster.ca_bundle,
    }
    with httpx.Client(
        verify=ssl.create_default_context(cafile=tls_cluster.ca_bundle), headers=KEY
    ) as client:
        assert client.get(url).json()["city"] == "Oslo"
    with requests.Session() as s:
        assert get(s, url, headers=KEY, verify=tls_cluster.ca_bundle).status_code == 200
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(url, headers=KEY)


def test_round_trip_time_is_paid_per_response_and_per_handshake(
    tls_cluster: UpstreamCluster,
) -> None:
    # Lower bounds only: a delay that is missing fails them, a slow machine cannot.
    url = tls_cluster.urls["events"] + "/v1/events?city=Oslo"
    context = ssl.create_default_context(cafile=tls_cluster.ca_bundle)
    with httpx.Client(verify=context, headers=KEY) as client:
        started = time.perf_counter()
        client.get(url).raise_for_status()
        first = time.perf_counter() - started
        started = time.perf_counter()
        client.get(url).raise_for_status()
        reused = time.perf_counter() - started
    assert first >= 3 * tls_cluster.rtt  # TCP, TLS, then the request itself
    assert reused >= tls_cluster.rtt


def test_tls_cluster_removes_its_certificates_on_stop() -> None:
    cluster = UpstreamCluster(tls=True).start()
    bundle = cluster.ca_bundle
    assert bundle is not None and Path(bundle).is_file()
    cluster.stop()
    assert not Path(bundle).exists()
    assert cluster.ca_bundle is None
