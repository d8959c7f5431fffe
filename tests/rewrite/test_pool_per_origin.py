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
    # More concurrent calls per origin than httpx keeps alive by default (20).
    for service in ("weather", "events"):
        upstreams.set_latency(service, 0.2)
    rounds = []
    async with httpx.AsyncClient(headers=KEY, transport=helpers.PoolPerOrigin()) as client:
        for _ in range(2):
            upstreams.log.clear()
            await _round(client, upstreams, 25)
            rounds.append({s: _ports(upstreams, s) for s in ("weather", "events")})
    assert [len(ports) for ports in rounds[0].values()] == [25, 25]
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


@pytest.mark.asyncio
async def test_closing_the_transport_closes_every_origins_connections(
    helpers: ModuleType, upstreams: UpstreamCluster
) -> None:
    transport = helpers.PoolPerOrigin()
    async with httpx.AsyncClient(headers=KEY, transport=transport) as client:
        await _round(client, upstreams, 2)
        pools = list(transport._pools.values())
        assert len(pools) == 2
        assert all(pool._pool.connections for pool in pools)
    assert not any(pool._pool.connections for pool in pools)
