"""The three versions of the sample side by side: legacy, Flask-async, Quart.

Each version runs in its own processes under its usual production server,
with the worker count gunicorn's documentation recommends for any worker
type, ``2 * cores + 1``: the two Flask versions under gunicorn with sync
workers (one request per worker at a time), the Quart version under uvicorn
with the same number of worker processes on uvloop and httptools
(``uvicorn[standard]``). The output names each one. The upstream services
run in a process of their own, over HTTPS with a throwaway CA (each app
trusts it through ``REQUESTS_CA_BUNDLE`` / ``SSL_CERT_FILE``), with a network
round trip on every response and on every new connection's handshakes, and
a service time on every call.

The upstreams and the load generator stand for other machines: both run on
uvloop, which costs them less of the CPU they share with the server under
test, the same for all three versions. A closed-loop load generator (raw
HTTP/1.1 on asyncio streams, one keep-alive connection per client,
reconnecting where the server closes it as gunicorn's sync workers do) runs
each endpoint at 1, 10 and 100 concurrent clients, version after version,
for ``--seconds`` each (after every client's first, unmeasured request;
clients start spread over ``RAMP`` seconds, as load tools ramp up, rather
than all in one instant, which hands a multi-process server's connections
to whichever worker wakes first), and prints p50, p95 and requests per
second per version, with the CPU each version's server, the upstreams
and the load generator spent per request: on two cores shared by all three
(and by whatever else runs on the machine), CPU is what bounds the ASGI
version, so a line says what idle cores would allow it. Then the two ratios
the migration is judged by. The dashboard makes three
upstream calls; the single-fetch endpoint (``/api/weather/<city>``) one, on
the app's shared session. It asserts nothing: a benchmark.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvloop

from migrate.compare.load import percentile

VERSIONS = (
    ("legacy", "sample_legacy_app", "wsgi"),
    ("flask-async", "sample_migrated_app", "wsgi"),
    ("quart", "sample_quart_app", "asgi"),
)
ENDPOINTS = {"dashboard": "/api/dashboard?city=Oslo", "single-fetch": "/api/weather/Oslo"}
CLIENTS = (1, 10, 100)
#: Seconds over which a point's clients start, evenly spaced.
RAMP = 1.0
REQUEST_TIMEOUT = 30.0
STARTUP_TIMEOUT = 60.0


@dataclass(frozen=True)
class Point:
    """One version, one endpoint, one level of concurrency."""

    p50: float
    p95: float
    rps: float
    errors: int
    #: CPU seconds per request: the version's server processes, the upstream process.
    server_cpu: float
    upstream_cpu: float
    load_cpu: float


def server_command(kind: str, package: str, port: int, workers: int) -> tuple[list[str], str]:
    """The command line of a version's production server, and how the output names it."""
    bind = ["--bind", f"127.0.0.1:{port}"]
    if kind == "wsgi":
        command = ["gunicorn", "--workers", str(workers), "--worker-class", "sync", *bind]
        command += ["--log-level", "warning", f"{package}:create_app()"]
        return command, f"gunicorn, {workers} sync workers"
    command = ["uvicorn", "--factory", f"{package}:create_app", "--workers", str(workers)]
    command += ["--loop", "uvloop", "--http", "httptools", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    return command, f"uvicorn, {workers} workers, uvloop + httptools"


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        stats[int(entry)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        if current in stats:
            total += int(stats[current][11]) + int(stats[current][12])
        todo.extend(children.get(current, ()))
    return total / os.sysconf("SC_CLK_TCK")


def start_upstreams(args: argparse.Namespace) -> tuple[subprocess.Popen[str], dict[str, str]]:
    command = [sys.executable, "-m", "sample_upstreams", "--tls", "--loop", "uvloop"]
    command += ["--rtt", str(args.rtt), "--latency", str(args.service_time)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(11)]
    settings = dict(line.split("=", 1) for line in lines)
    return process, settings


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(
    command: list[str], env: dict[str, str], log: Path, port: int
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server in a process group of its own until the block ends."""
    bin_dir = Path(sys.executable).parent
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [str(bin_dir / command[0]), *command[1:]],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    try:
        asyncio.run(wait_until_serving(port, process, " ".join(command)))
        yield process
    finally:
        # The server's own group, made by start_new_session: its master and workers.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


async def wait_until_serving(port: int, process: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited at start-up: {name}")
        try:
            await asyncio.wait_for(fetch("127.0.0.1", port, ENDPOINTS["single-fetch"]), 5)
            return
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
            await asyncio.sleep(0.2)
    raise RuntimeError(f"server did not start in time: {name}")


async def fetch(host: str, port: int, path: str) -> int:
    """One GET on a new connection: the status code."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request_bytes(host, port, path))
        status, _ = await read_response(reader)
        return status
    finally:
        writer.close()


def request_bytes(host: str, port: int, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode("ascii")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head[:-4].split(b"\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    if b"content-length" in headers:
        await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding") == b"chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    return int(status_line.split()[1]), headers.get(b"connection") != b"close"


async def load(
    port: int,
    path: str,
    clients: int,
    seconds: float,
    cpu: Callable[[], tuple[float, float, float]],
) -> tuple[list[float], int, tuple[float, float, float]]:
    """Run ``clients`` closed-loop clients; the times of requests that ended in the
    window, the errors, and the CPU ``cpu()`` counted over the window.

    The window opens once every client has had an answer: by then a request of
    the last client has waited its turn in the server's queue once, which is
    the steady state under 100 clients. What counts is when a request ends.
    """
    host = "127.0.0.1"
    request = request_bytes(host, port, path)
    timings: list[float] = []
    errors = 0
    answered = 0
    window: dict[str, float] = {}
    all_answered = asyncio.Event()
    stop = asyncio.Event()
    cpu_at_start: list[float] = []

    async def one_client(index: int) -> None:
        nonlocal errors, answered
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        first = True
        await asyncio.sleep(RAMP * index / clients)
        try:
            while not stop.is_set():
                begun = time.perf_counter()
                try:
                    if connection is None:
                        connection = await asyncio.open_connection(host, port)
                    reader, writer = connection
                    writer.write(request)
                    status, keep_alive = await asyncio.wait_for(
                        read_response(reader), REQUEST_TIMEOUT
                    )
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                    status, keep_alive = 0, False
                ended = time.perf_counter()
                if not keep_alive and connection is not None:
                    connection[1].close()
                    connection = None
                if "start" in window and not stop.is_set():
                    if status == 200:
                        timings.append(ended - begun)
                    else:
                        errors += 1
                elif first:
                    first = False
                    answered += 1
                    if answered == clients:
                        window["start"] = time.perf_counter()
                        all_answered.set()
                        cpu_at_start.extend(cpu())
        finally:
            if connection is not None:
                connection[1].close()

    tasks = [asyncio.create_task(one_client(index)) for index in range(clients)]
    try:
        await asyncio.wait_for(all_answered.wait(), STARTUP_TIMEOUT)
        await asyncio.sleep(seconds)
        used = tuple(after - before for after, before in zip(cpu(), cpu_at_start, strict=True))
    finally:
        # The flag ends every loop even where a cancellation is lost in wait_for.
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return timings, errors, (used[0], used[1], used[2])


async def warm_up(port: int, workers: int) -> None:
    """Concurrent requests to every endpoint, so that each worker has its connections."""
    for path in ENDPOINTS.values():
        for _ in range(2):
            await asyncio.gather(
                *(fetch("127.0.0.1", port, path) for _ in range(2 * workers)),
                return_exceptions=True,
            )


def measure(
    port: int, path: str, clients: int, seconds: float, server_pid: int, upstream_pid: int
) -> Point:
    def cpu() -> tuple[float, float, float]:
        return process_tree_cpu(server_pid), process_tree_cpu(upstream_pid), time.process_time()

    timings, errors, (server_cpu, upstream_cpu, load_cpu) = uvloop.run(
        load(port, path, clients, seconds, cpu)
    )
    done = max(len(timings), 1)
    return Point(
        percentile(timings, 50),
        percentile(timings, 95),
        len(timings) / seconds,
        errors,
        server_cpu / done,
        upstream_cpu / done,
        load_cpu / done,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rtt", type=float, default=0.02, help="network round trip, seconds")
    parser.add_argument("--service-time", type=float, default=0.1, help="upstream work, seconds")
    parser.add_argument("--seconds", type=float, default=4.0, help="per point")
    cores = os.cpu_count() or 1
    parser.add_argument(
        "--workers", type=int, default=2 * cores + 1, help="worker processes per version"
    )
    args = parser.parse_args()

    upstreams, settings = start_upstreams(args)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p or os.getcwd() for p in sys.path)
    for key, value in settings.items():
        # The apps read SAMPLE_WEATHER_URL and the like (from_prefixed_env); the CA
        # bundle reaches requests and httpx through their own variables.
        env[f"SAMPLE_{key}" if key.endswith("_URL") else key] = value
    results: dict[tuple[str, str, int], Point] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp, ExitStack() as servers:
            ports, pids = {}, {}
            for label, package, kind in VERSIONS:
                version_env = {**env, "SAMPLE_DATABASE": str(Path(tmp) / f"{label}.sqlite3")}
                # The tables are made once, before several workers could race to.
                subprocess.run(
                    [sys.executable, "-c", f"import {package}; {package}.create_app()"],
                    env=version_env,
                    check=True,
                )
                ports[label] = free_port()
                command, name = server_command(kind, package, ports[label], args.workers)
                log = Path(tmp) / f"{label}.log"
                pids[label] = servers.enter_context(
                    serve(command, version_env, log, ports[label])
                ).pid
                asyncio.run(warm_up(ports[label], args.workers))
                print(f"{label}: {package} under {name}", flush=True)
            for name, path in ENDPOINTS.items():
                for clients in CLIENTS:
                    # Version after version at each point, so that what else runs on
                    # the machine weighs on the three alike.
                    for label, _, _ in VERSIONS:
                        point = measure(
                            ports[label], path, clients, args.seconds, pids[label], upstreams.pid
                        )
                        results[(label, name, clients)] = point
                        print(
                            f"  {label:<12} {name:<13} @{clients:<3}"
                            f" p50 {point.p50 * 1000:7.1f} ms  p95 {point.p95 * 1000:7.1f} ms"
                            f"  {point.rps:7.1f} req/s  CPU per request:"
                            f" server {point.server_cpu * 1000:5.1f} ms,"
                            f" upstreams {point.upstream_cpu * 1000:4.1f} ms,"
                            f" load generator {point.load_cpu * 1000:4.1f} ms"
                            + (f"  {point.errors} errors" if point.errors else ""),
                            flush=True,
                        )
            for label, _, _ in VERSIONS:
                problems = [
                    line
                    for line in (Path(tmp) / f"{label}.log").read_text().splitlines()
                    if "Traceback" in line or "Error" in line
                ]
                if problems:
                    print(f"  {label} server problems: {problems[:3]}")
    finally:
        upstreams.terminate()
        upstreams.wait(10)

    print(
        f"upstreams: HTTPS, {args.rtt * 1000:.0f} ms round trip,"
        f" {args.service_time * 1000:.0f} ms service time; upstreams and load generator"
        f" on uvloop (the same for all three); clients start over {RAMP:g} s;"
        f" {args.seconds:g} s per point; {cores} cores"
    )
    print(f"{'p50/p95, requests/s':<28}" + "".join(f"{label:>22}" for label, _, _ in VERSIONS))
    for name in ENDPOINTS:
        for clients in CLIENTS:
            cells = []
            for label, _, _ in VERSIONS:
                p = results[(label, name, clients)]
                cells.append(f"{p.p50 * 1000:6.0f}/{p.p95 * 1000:5.0f}ms {p.rps:6.1f}/s")
            print(f"{name + ' @' + str(clients):<28}" + "".join(f"{c:>22}" for c in cells))
    # What the CPU allows: Quart is bound by CPU, which the servers, the upstreams and
    # the load generator share (and, on a busy machine, whatever else runs).
    quart, legacy = results[("quart", "dashboard", 100)], results[("legacy", "dashboard", 100)]
    per_request = quart.server_cpu + quart.upstream_cpu + quart.load_cpu
    bound = cores / per_request
    print(
        f"CPU per Quart dashboard request @100: {quart.server_cpu * 1000:.1f} ms server,"
        f" {quart.upstream_cpu * 1000:.1f} ms upstreams, {quart.load_cpu * 1000:.1f} ms load"
        f" generator; its server got {quart.server_cpu * quart.rps:.2f} of {cores} cores"
        f" (load average {os.getloadavg()[0]:.1f}); {cores} idle cores would serve at most"
        f" {bound:.0f}/s ({bound / legacy.rps:.1f}x legacy)"
    )
    dashboard = quart.rps / legacy.rps
    single = results[("quart", "single-fetch", 1)].p50 / results[("legacy", "single-fetch", 1)].p50
    print(f"throughput dashboard @100 clients: quart/legacy {dashboard:.1f}x")
    print(f"p50 single-fetch endpoint @1 client: quart/legacy {single:.2f}x")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
