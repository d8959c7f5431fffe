"""The three versions of the sample side by side: legacy, Flask-async, Quart.

Each version runs in its own process under its usual production server:
the two Flask versions under waitress (``--threads``, waitress' own default
is 4), the Quart version under hypercorn (one worker, asyncio, its
default). The upstream services run in a process of their own, over HTTPS
with a throwaway CA (each app trusts it through ``REQUESTS_CA_BUNDLE`` /
``SSL_CERT_FILE``), with a network round trip on every response and on
every new connection's handshakes, and a service time on every call.

A closed-loop load generator (httpx, one keep-alive connection per client)
runs each endpoint at 1, 10 and 100 concurrent clients for ``--seconds``
each (after every client's first, unmeasured request), and prints p50, p95
and requests per second per version, then the two ratios the migration is
judged by. The dashboard makes three upstream calls; the single-fetch
endpoint (``/api/weather/<city>``) one, on the app's shared session. It
asserts nothing: a benchmark.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from migrate.compare.load import percentile
from migrate.compare.runner import AppProcess

VERSIONS = (
    ("legacy", "sample_legacy_app:create_app"),
    ("flask-async", "sample_migrated_app:create_app"),
    ("quart", "sample_quart_app:create_app"),
)
ENDPOINTS = {"dashboard": "/api/dashboard?city=Oslo", "single-fetch": "/api/weather/Oslo"}
CLIENTS = (1, 10, 100)


@dataclass(frozen=True)
class Point:
    """One version, one endpoint, one level of concurrency."""

    p50: float
    p95: float
    rps: float
    errors: int


def start_upstreams(args: argparse.Namespace) -> tuple[subprocess.Popen[str], dict[str, str]]:
    command = [
        sys.executable,
        "-m",
        "sample_upstreams",
        "--tls",
        "--rtt",
        str(args.rtt),
        "--latency",
        str(args.service_time),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(11)]
    settings = dict(line.split("=", 1) for line in lines)
    return process, settings


async def load(base_url: str, path: str, clients: int, seconds: float) -> Point:
    # One httpx client (one keep-alive connection) per simulated client: a single
    # pool shared by 100 callers costs httpcore more CPU than the servers measured.
    timings: list[float] = []
    errors = 0
    warm = 0
    go = asyncio.Event()
    window: dict[str, float] = {}

    async def one_client() -> None:
        nonlocal errors, warm
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
            try:
                await client.get(path)  # warm-up: the connection, the app's own clients
            except httpx.HTTPError:
                errors += 1
            finally:
                warm += 1
                if warm == clients:
                    window["start"] = time.perf_counter()
                    go.set()
            await go.wait()
            while time.perf_counter() < window["start"] + seconds:
                begun = time.perf_counter()
                try:
                    response = await client.get(path)
                except httpx.HTTPError:
                    errors += 1
                    continue
                if response.status_code != 200:
                    errors += 1
                timings.append(time.perf_counter() - begun)

    await asyncio.gather(*(one_client() for _ in range(clients)))
    elapsed = time.perf_counter() - window["start"]
    return Point(percentile(timings, 50), percentile(timings, 95), len(timings) / elapsed, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rtt", type=float, default=0.02, help="network round trip, seconds")
    parser.add_argument("--service-time", type=float, default=0.1, help="upstream work, seconds")
    parser.add_argument("--seconds", type=float, default=4.0, help="per point")
    parser.add_argument("--threads", type=int, default=4, help="waitress threads (Flask)")
    args = parser.parse_args()

    upstreams, settings = start_upstreams(args)
    env = {k: v for k, v in settings.items() if not k.endswith("_URL")}
    config = {k: v for k, v in settings.items() if k.endswith("_URL")}
    results: dict[tuple[str, str, int], Point] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for label, factory in VERSIONS:
                app_config = {**config, "DATABASE": str(Path(tmp) / f"{label}.sqlite3")}
                process = AppProcess(label, factory, app_config, threads=args.threads, env=env)
                with process:
                    print(f"{label}: {factory} under {process.server}", flush=True)
                    for name, path in ENDPOINTS.items():
                        for clients in CLIENTS:
                            point = asyncio.run(load(process.url, path, clients, args.seconds))
                            results[(label, name, clients)] = point
                            print(
                                f"  {name:<13} @{clients:<3} p50 {point.p50 * 1000:7.1f} ms"
                                f"  p95 {point.p95 * 1000:7.1f} ms"
                                f"  {point.rps:7.1f} req/s"
                                + (f"  {point.errors} errors" if point.errors else ""),
                                flush=True,
                            )
                problems = process.problems()
                if problems:
                    print(f"  {label} server problems: {problems[:3]}")
    finally:
        upstreams.terminate()
        upstreams.wait(10)

    print(
        f"upstreams: HTTPS, {args.rtt * 1000:.0f} ms round trip,"
        f" {args.service_time * 1000:.0f} ms service time; {args.seconds:g} s per point"
    )
    print(f"{'':<28}" + "".join(f"{label:>22}" for label, _ in VERSIONS))
    for name in ENDPOINTS:
        for clients in CLIENTS:
            cells = []
            for label, _ in VERSIONS:
                p = results[(label, name, clients)]
                cells.append(f"{p.p50 * 1000:6.0f}/{p.p95 * 1000:5.0f}ms {p.rps:6.1f}/s")
            print(f"{name + ' @' + str(clients):<28}" + "".join(f"{c:>22}" for c in cells))
    dashboard = results[("quart", "dashboard", 100)].rps / results[("legacy", "dashboard", 100)].rps
    single = results[("quart", "single-fetch", 1)].p50 / results[("legacy", "single-fetch", 1)].p50
    print(f"throughput dashboard @100 clients: quart/legacy {dashboard:.1f}x")
    print(f"p50 single-fetch endpoint @1 client: quart/legacy {single:.2f}x")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
