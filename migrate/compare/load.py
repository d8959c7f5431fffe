"""Latency one request at a time, and throughput under concurrent load.

The load run is closed-loop: N clients (threads, each with its own
keep-alive connection) send requests back to back until the request budget
or the time budget is spent, whichever comes first; requests already in
flight at the deadline are waited for, never abandoned. Only loopback URLs
are ever used: the servers are ours.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from .scenario import Scenario


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class LatencyStats:
    """Request times in seconds, summarised as p50 and p95."""

    samples: tuple[float, ...]

    @property
    def p50(self) -> float:
        """Median request time (seconds)."""
        return percentile(self.samples, 50)

    @property
    def p95(self) -> float:
        """95th percentile request time (seconds)."""
        return percentile(self.samples, 95)

    def to_json(self) -> dict[str, Any]:
        """p50/p95 in milliseconds and the sample count."""
        return {"p50_ms": _ms(self.p50), "p95_ms": _ms(self.p95), "samples": len(self.samples)}


#: A speed-up is shown only from this many samples per version: one sample says nothing of noise.
MIN_SAMPLES = 2
#: Differences under this are loopback and scheduler jitter, whatever the ratio says.
NOISE_FLOOR_S = 0.010


def distinguishable(before: LatencyStats, after: LatencyStats) -> bool:
    """Whether the medians differ by more than noise.

    Needs ``MIN_SAMPLES`` on each side, and a difference larger than both
    ``NOISE_FLOOR_S`` and the spread of either side's samples (p95 - p50):
    a 3 ms endpoint measured at 5 ms once is not "0.6x".
    """
    if min(len(before.samples), len(after.samples)) < MIN_SAMPLES:
        return False
    spread = max(before.p95 - before.p50, after.p95 - after.p50)
    return abs(before.p50 - after.p50) > max(NOISE_FLOOR_S, spread)


@dataclass
class LoadResult:
    """One version under load: what was sent, what failed, how fast."""

    clients: int
    sent: int = 0
    wall_time: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def error_count(self) -> int:
        """Requests that failed or answered another status than the single replay."""
        return sum(self.errors.values())

    @property
    def throughput(self) -> float:
        """Completed requests per second of wall time."""
        return self.sent / self.wall_time if self.wall_time else 0.0

    @property
    def stats(self) -> LatencyStats:
        """Latency of every request sent under load."""
        return LatencyStats(tuple(self.latencies))

    def to_json(self) -> dict[str, Any]:
        """Counts, throughput (requests/s), latency and the errors by kind."""
        return {
            "clients": self.clients,
            "requests": self.sent,
            "errors": self.error_count,
            "error_kinds": dict(self.errors),
            "duration_s": round(self.wall_time, 3),
            "throughput_rps": round(self.throughput, 2),
            **self.stats.to_json(),
        }


def run_load(
    base_url: str,
    scenarios: Sequence[Scenario],
    expected_status: dict[str, int],
    *,
    clients: int,
    requests: int,
    duration: float,
    timeout: float = 30.0,
) -> LoadResult:
    """Replay ``scenarios`` round-robin from ``clients`` threads; at most ``requests``
    requests and no new request after ``duration`` seconds.

    A request counts as an error when it raises (connection reset, timeout)
    or answers another status than ``expected_status[scenario.name]``.
    """
    result = LoadResult(clients=clients)
    if not scenarios or requests <= 0:
        return result
    lock = threading.Lock()
    next_index = 0
    started = time.perf_counter()
    deadline = started + duration

    def take() -> Scenario | None:
        nonlocal next_index
        with lock:
            if next_index >= requests or time.perf_counter() >= deadline:
                return None
            scenario = scenarios[next_index % len(scenarios)]
            next_index += 1
            return scenario

    def client_loop() -> None:
        with httpx.Client(base_url=base_url, timeout=timeout) as client:
            while (scenario := take()) is not None:
                sent = time.perf_counter()
                error = ""
                try:
                    response = client.request(scenario.method, scenario.path, json=scenario.json)
                    if response.status_code != expected_status.get(scenario.name):
                        error = f"{scenario.label}: status {response.status_code}"
                except httpx.HTTPError as exc:
                    error = f"{scenario.label}: {type(exc).__name__}"
                elapsed = time.perf_counter() - sent
                with lock:
                    result.sent += 1
                    result.latencies.append(elapsed)
                    if error:
                        result.errors[error] += 1

    threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall_time = time.perf_counter() - started
    return result


def _ms(seconds: float) -> float | None:
    return None if math.isnan(seconds) else round(seconds * 1000, 1)
