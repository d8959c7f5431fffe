"""The PoolPerOrigin helper: the transport of a client that serves a whole process.

Run from the helpers module as ``migrate apply --to quart`` writes it, against
real keep-alive upstreams: each origin keeps the connections it opened, the
settings (``limits`` among them) apply to every origin's pool, and closing
the transport closes every pool.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from migrate.rewrite.helpers import render
from sample_upstreams import UpstreamCluster

KEY = {"X-Api-Key": "dev-key"}


@pytest.fixture
def helpers(tmp_path: Path) -> ModuleType:
    path = tmp_path / "_async_helpers.py"
    path.write_bytes(render(["PoolPerOrigin"]))
    spec = importlib.util.spec_from_file_location("pool_per_origin_helpers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def _round(client: httpx.AsyncClient, upstreams: UpstreamCluster, calls: int) -> None:
    urls = (
        upstreams.urls["weather"] + "/v1/weather?city=Oslo",
        upstreams.urls["events"] + "/v1/events?city=Oslo",
    )
    responses = await asyncio.gather(*(client.get(url) for url in urls for _ in range(calls)))
    assert all(r.status_code == 200 for r in responses)
    assert upstreams.log.wait_idle()


def _ports(upstreams: UpstreamCluster, service: str) -> set[int]:
    return {e.client_port for e in upstreams.log.for_service(service)}


@pytest.mark.asyncio
async def test_each_origin_keeps_every_connection_it_opened(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    # More concurrent calls per origin than httpx keeps alive by default (20);
    # long enough that a loaded machine still has them in flight together.
    for service in ("weather", "events"):
        upstreams.set_latency(service, 0.5)
    rounds = []
    async with httpx.AsyncClient(headers=KEY, transport=helpers.PoolPerOrigin()) as client:
        for _ in range(2):
            upstreams.log.clear()
            await _round(client, upstreams, 25)
            rounds.append({s: _ports(upstreams, s) for s in ("weather", "events")})
    assert all(len(ports) > 20 for ports in rounds[0].values())
    for service, ports in rounds[1].items():
        assert ports <= rounds[0][service], service


@pytest.mark.asyncio
async def test_the_settings_apply_to_each_origins_pool(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    # One connection at most, per origin: the two services do not share it.
    upstreams.set_latency("weather", 0.05)
    upstreams.set_latency("events", 0.05)
    transport = helpers.PoolPerOrigin(limits=httpx.Limits(max_connections=1))
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        await _round(client, upstreams, 4)
    assert len(_ports(upstreams, "weather")) == 1
    assert len(_ports(upstreams, "events")) == 1
    starts = sorted(e.start for e in upstreams.log.for_service("weather"))
    ends = sorted(e.end for e in upstreams.log.for_service("weather"))
    # One connection: each call starts once the one before it has ended.
    assert all(start >= end for start, end in zip(starts[1:], ends, strict=False))


def _established(ports: set[int]) -> set[int]:
    """Which of these local ports of this process still hold an open connection."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "01" and int(local.rsplit(":", 1)[1], 16) in ports:
                    found.add(int(local.rsplit(":", 1)[1], 16))
    return found


needs_proc = pytest.mark.skipif(
    not Path("/proc/net/tcp").exists(), reason="reads the connection table from /proc"
)


@needs_proc
@pytest.mark.asyncio
async def test_closing_the_transport_closes_every_origins_connections(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    # How many connections each origin opens depends on how the calls overlap
    # on a busy machine; that every one of them closes does not.
    transport = helpers.PoolPerOrigin()
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        await _round(client, upstreams, 3)
        weather, events = _ports(upstreams, "weather"), _ports(upstreams, "events")
        assert weather and events
        ports = weather | events
        assert _established(ports) == ports
    assert _established(ports) == set()


@needs_proc
@pytest.mark.asyncio
async def test_an_idle_connection_past_its_keepalive_expiry_is_closed_not_reused(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    upstreams.set_latency("weather", 0.05)
    transport = helpers.PoolPerOrigin(limits=httpx.Limits(keepalive_expiry=0.2))
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        await _round(client, upstreams, 3)
        first = _ports(upstreams, "weather")
        await asyncio.sleep(0.4)
        upstreams.log.clear()
        # One call after the quiet spell: the connections it does not use close too.
        await _round(client, upstreams, 1)
        assert not _ports(upstreams, "weather") & first
        assert _established(first) == set()


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        pytest.param("drop", httpx.RemoteProtocolError, id="in-the-body"),
        pytest.param("slow", httpx.ReadTimeout, id="before-the-response"),
    ],
)
@pytest.mark.asyncio
async def test_a_failed_call_gives_its_connection_back(
    helpers: ModuleType, upstreams: UpstreamCluster, fault: str, error: type[Exception]
) -> None:
    # One connection at most: a call that failed must not keep it from the next.
    transport = helpers.PoolPerOrigin(limits=httpx.Limits(max_connections=1))
    url = upstreams.urls["weather"] + "/v1/weather?city=Oslo"
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        upstreams.inject_fault("weather", fault, times=1)
        with pytest.raises(error):
            await client.get(url, timeout=0.5)
        response = await asyncio.wait_for(client.get(url), 10)
        assert response.status_code == 200


@pytest.mark.asyncio
async def test_a_streamed_response_holds_its_connection_until_closed(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    transport = helpers.PoolPerOrigin()
    url = upstreams.urls["weather"] + "/v1/weather?city=Oslo"
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        async with client.stream("GET", url) as streamed:
            # Another call while the first body is unread takes another connection.
            assert (await client.get(url)).status_code == 200
            body = b"".join([chunk async for chunk in streamed.aiter_bytes()])
        assert b"Oslo" in body
        assert (await client.get(url)).status_code == 200
    assert len(_ports(upstreams, "weather")) == 2
