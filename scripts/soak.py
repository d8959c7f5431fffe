"""Soak: the legacy and the migrated sample app under load while upstreams fail.

Both versions run under waitress on loopback, against the sample upstreams
(real HTTP servers in this process). The same schedule of requests is sent
to each: rounds of mixed GET requests, fired by concurrent clients, each
round with one upstream failing in one way (500s, a stall past the app's
timeout, truncated JSON, a connection dropped mid-body) or none. Bounded
in requests and in time.

Figures printed per version and compared:

* responses: every request's status and body must be the same in both;
* hangs: no request may take longer than ``--hang`` seconds (the apps'
  upstream timeout is 2 s; a stalled upstream answers after 10 s);
* file descriptors and threads after the soak, once idle, against their
  baseline after the first cycle of rounds (every fault seen once: pools
  have grown to their working size; a leak keeps growing after that);
* ResourceWarnings (unclosed sockets, files, transports) and exceptions
  Python could not report (``sys.unraisablehook``).

Exit status 1 when any of them fails.

    python scripts/soak.py                      # 3000 requests per version
    python scripts/soak.py --requests 300
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import logging
import os
import random
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migrate.compare.server import serve_wsgi  # noqa: E402
from sample_upstreams import UpstreamCluster  # noqa: E402

VERSIONS = ("sample_legacy_app", "sample_migrated_app")
ROUTES = (
    "/api/dashboard?city=Oslo",
    "/city/Oslo",
    "/api/feed/1",
    "/api/search?q=lamp",
    "/export/products.csv",
)
SERVICES = ("weather", "events", "rates", "social", "search", "catalog")
FAULTS = ("error500", "slow", "malformed", "drop")


@dataclass
class Outcome:
    """What one request got: status and body (or how it broke), and how long it took."""

    key: tuple[Any, ...]
    seconds: float


@dataclass
class Run:
    """The figures of one version."""

    version: str
    outcomes: dict[tuple[int, int], Outcome] = field(default_factory=dict)
    baseline_fds: int = 0
    baseline_threads: int = 0
    final_fds: int = 0
    final_threads: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def hung(self, limit: float) -> int:
        return sum(1 for o in self.outcomes.values() if o.seconds > limit)

    @property
    def slowest(self) -> float:
        return max((o.seconds for o in self.outcomes.values()), default=0.0)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0


def schedule(args: argparse.Namespace) -> list[tuple[tuple[str, str] | None, list[str]]]:
    """Rounds of (fault, paths): the same for both versions."""
    rng = random.Random(args.seed)
    faults: list[tuple[str, str] | None] = [None]
    faults += [(service, kind) for service in SERVICES for kind in FAULTS]
    rounds = []
    left = args.requests
    number = 0
    while left > 0:
        size = min(args.round, left)
        fault = faults[number % len(faults)]
        rounds.append((fault, [rng.choice(ROUTES) for _ in range(size)]))
        left -= size
        number += 1
    return rounds


def fetch(client: httpx.Client, path: str) -> Outcome:
    started = time.monotonic()
    try:
        with client.stream("GET", path) as response:
            try:
                raw = b"".join(response.iter_bytes())
                broken = False
            except httpx.TransportError:
                raw, broken = b"", True
        is_json = response.headers.get("content-type", "").startswith("application/json")
        body: Any = raw.decode("utf-8", "replace")
        if is_json and not broken:
            try:
                body = json.loads(raw)
            except ValueError:
                pass
        key: tuple[Any, ...] = (response.status_code, json.dumps(body, sort_keys=True), broken)
    except httpx.TimeoutException:
        key = ("client timeout",)
    except httpx.TransportError as exc:
        key = ("transport error", type(exc).__name__)
    return Outcome(key, time.monotonic() - started)


def settle(measure: Callable[[], int], target: int, seconds: float = 5.0) -> int:
    """``measure()`` once it is back to ``target`` (or after ``seconds``): idle connections
    and finished threads take a moment to go."""
    deadline = time.monotonic() + seconds
    value = measure()
    while value > target and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.1)
        value = measure()
    return value


def soak(version: str, upstreams: UpstreamCluster, args: argparse.Namespace, db: Path) -> Run:
    run = Run(version)
    factory = importlib.import_module(version).create_app
    config = {
        **upstreams.app_config(),
        "TESTING": True,
        "DATABASE": str(db),
        "HTTP_TIMEOUT": args.app_timeout,
        "SEARCH_TIMEOUT": args.app_timeout,
    }
    upstreams.reset()
    started = time.monotonic()
    with serve_wsgi(factory(config)) as base:
        with httpx.Client(base_url=base, timeout=args.hang * 2) as client:
            # Warm-up: pools, loops and caches reach their working size.
            with ThreadPoolExecutor(args.clients) as pool:
                list(pool.map(lambda p: fetch(client, p), ROUTES * args.clients))
            cycle = len(SERVICES) * len(FAULTS) + 1
            for number, (fault, paths) in enumerate(schedule(args)):
                if number == cycle:
                    # Every fault seen once: pools have grown to their working size.
                    # What is open now is the baseline the end must come back to.
                    time.sleep(1.0)
                    gc.collect()
                    run.baseline_fds, run.baseline_threads = open_fds(), threading.active_count()
                if time.monotonic() - started > args.duration:
                    break
                upstreams.reset()
                if fault is not None:
                    upstreams.inject_fault(*fault)
                with ThreadPoolExecutor(args.clients) as pool:
                    results = list(pool.map(lambda p: fetch(client, p), paths))
                for index, outcome in enumerate(results):
                    run.outcomes[(number, index)] = outcome
            upstreams.reset()
        run.final_fds = settle(open_fds, run.baseline_fds)
        run.final_threads = settle(threading.active_count, run.baseline_threads)
    run.seconds = time.monotonic() - started
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per version")
    parser.add_argument("--duration", type=float, default=300.0, help="most seconds per version")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--round", type=int, default=40, help="requests per fault round")
    parser.add_argument("--hang", type=float, default=8.0, help="a request slower than this hung")
    # Short against the 10 s stall, long enough for a busy machine.
    parser.add_argument("--app-timeout", type=float, default=2.0, help="the apps' upstream timeout")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    cycle = (len(SERVICES) * len(FAULTS) + 1) * args.round
    if args.requests < 2 * cycle:
        parser.error(f"--requests must be at least {2 * cycle}: two cycles of fault rounds")
    # The apps log every upstream failure with its traceback: thousands of them here.
    logging.disable(logging.ERROR)

    caught: list[str] = []
    previous_hook = sys.unraisablehook

    def unraisable(info: Any) -> None:
        caught.append(f"unraisable {type(info.exc_value).__name__}: {info.exc_value}")

    sys.unraisablehook = unraisable
    runs: list[Run] = []
    try:
        with warnings.catch_warnings(record=True) as recorded, tempfile.TemporaryDirectory() as tmp:
            warnings.simplefilter("always", ResourceWarning)
            with UpstreamCluster() as upstreams:
                for version in VERSIONS:
                    mark = len(recorded)
                    run = soak(version, upstreams, args, Path(tmp) / f"{version}.sqlite3")
                    gc.collect()
                    run.warnings = [
                        f"{w.category.__name__}: {w.message}"
                        for w in recorded[mark:]
                        if issubclass(w.category, ResourceWarning)
                    ]
                    run.warnings += caught
                    caught.clear()
                    runs.append(run)
    finally:
        sys.unraisablehook = previous_hook

    legacy, migrated = runs
    common = sorted(set(legacy.outcomes) & set(migrated.outcomes))
    differ = [k for k in common if legacy.outcomes[k].key != migrated.outcomes[k].key]
    failed = bool(differ)
    for run in runs:
        fds = run.final_fds - run.baseline_fds
        threads = run.final_threads - run.baseline_threads
        hung = run.hung(args.hang)
        failed |= hung > 0 or fds > 0 or threads > 0 or bool(run.warnings)
        print(
            f"{run.version}: {len(run.outcomes)} requests in {run.seconds:.1f} s,"
            f" slowest {run.slowest:.2f} s, {hung} hung (> {args.hang:g} s);"
            f" fds {run.baseline_fds} -> {run.final_fds}, threads {run.baseline_threads}"
            f" -> {run.final_threads}; {len(run.warnings)} resource warnings"
        )
        for warning in run.warnings[:5]:
            print(f"  {warning}")
    for key in differ[:5]:
        print(f"  round {key[0]} request {key[1]}:")
        print(f"    {legacy.version}: {str(legacy.outcomes[key].key)[:300]}")
        print(f"    {migrated.version}: {str(migrated.outcomes[key].key)[:300]}")
    faults = len({k[0] for k in common})
    print(
        f"soak: {len(common)} requests compared over {faults} rounds of faults,"
        f" {len(differ)} differ; {'FAILED' if failed else 'ok'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
