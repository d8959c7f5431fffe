"""Mutable cluster state: latency settings, injected faults and business data.

The state is written from the test thread (``inject_fault``, ``reset``...) and read
from the server thread, so every access goes through one lock. Operations are tiny
(dict look-ups), so a plain ``threading.Lock`` never blocks the event loop for long.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

__all__ = ["FAULT_KINDS", "SERVICES", "ClusterState", "Fault"]

#: Service names in a stable order (also the order of ``app_config()``).
SERVICES: tuple[str, ...] = (
    "weather",
    "events",
    "rates",
    "social",
    "payments",
    "inventory",
    "jobs",
    "search",
    "catalog",
)

FAULT_KINDS: frozenset[str] = frozenset({"error500", "slow", "malformed", "drop"})

#: Initial stock of every SKU for the inventory service.
INITIAL_STOCK = 5


@dataclass
class Fault:
    """An injected fault; ``remaining`` is ``None`` for "until reset"."""

    kind: str
    path: str | None
    remaining: int | None


@dataclass
class Job:
    """A report job of the ``jobs`` service."""

    kind: str
    polls: int = 0


class ClusterState:
    """Everything ``reset()`` must restore, behind a single lock."""

    def __init__(
        self,
        latency: float,
        latencies: dict[str, float] | None,
        api_key: str,
        report_ready_after: int,
        rtt: float = 0.0,
    ) -> None:
        unknown = set(latencies or {}) - set(SERVICES)
        if unknown:
            raise ValueError(f"unknown service(s) in latencies: {sorted(unknown)}")
        self.api_key = api_key
        self.report_ready_after = report_ready_after
        #: The network round trip every response waits (not reset: it is the network).
        self.rtt = rtt
        self._default_latency = float(latency)
        self._base_latencies = {k: float(v) for k, v in (latencies or {}).items()}
        self._lock = threading.Lock()
        # (service, route template or None) -> seconds; set by set_latency().
        self._latency_overrides: dict[tuple[str, str | None], float] = {}
        self._faults: dict[str, list[Fault]] = {}
        self._jobs: dict[str, Job] = {}
        self._job_counter = 0
        self._stock: dict[str, int] = {}
        self.base_urls: dict[str, str] = {}

    # -- configuration -------------------------------------------------------

    @staticmethod
    def check_service(service: str) -> None:
        """Raise ``ValueError`` for a name that is not one of :data:`SERVICES`."""
        if service not in SERVICES:
            raise ValueError(f"unknown service {service!r}; expected one of {SERVICES}")

    def set_latency(self, service: str, seconds: float, path: str | None = None) -> None:
        """Override latency for a service, or for one route of it."""
        self.check_service(service)
        if seconds < 0:
            raise ValueError("latency must be >= 0")
        with self._lock:
            self._latency_overrides[(service, path)] = float(seconds)

    def latency_for(self, service: str, route: str, path: str) -> float:
        """Most specific latency: route override, service override, constructor values."""
        with self._lock:
            for key in ((service, route), (service, path), (service, None)):
                if key in self._latency_overrides:
                    return self._latency_overrides[key]
            return self._base_latencies.get(service, self._default_latency)

    def inject_fault(
        self, service: str, kind: str, path: str | None = None, times: int | None = None
    ) -> None:
        """Add a fault; newer faults take precedence over older ones."""
        self.check_service(service)
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if times is not None and times < 1:
            raise ValueError("times must be >= 1 or None")
        with self._lock:
            self._faults.setdefault(service, []).insert(0, Fault(kind, path, times))

    def take_fault(self, service: str, route: str, path: str) -> str | None:
        """Return the fault kind to apply to this request (consuming one use), if any.

        ``path`` of a fault may name the route template (``/v1/users/{id}``) or an
        actual path (``/v1/users/3``).
        """
        with self._lock:
            faults = self._faults.get(service, [])
            for fault in faults:
                if fault.path is None or fault.path in (route, path):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining == 0:
                            faults.remove(fault)
                    return fault.kind
            return None

    def reset(self) -> None:
        """Drop faults and latency overrides, forget jobs, restock inventory."""
        with self._lock:
            self._latency_overrides.clear()
            self._faults.clear()
            self._jobs.clear()
            self._job_counter = 0
            self._stock.clear()

    # -- business data -------------------------------------------------------

    def reserve(self, sku: str, quantity: int) -> bool:
        """Take ``quantity`` items of ``sku`` from stock; False when not enough remain."""
        with self._lock:
            remaining = self._stock.get(sku, INITIAL_STOCK)
            if quantity > remaining:
                return False
            self._stock[sku] = remaining - quantity
            return True

    def create_job(self, kind: str) -> str:
        """Register a report job and return its id (``job-1``, ``job-2``...)."""
        with self._lock:
            self._job_counter += 1
            job_id = f"job-{self._job_counter}"
            self._jobs[job_id] = Job(kind)
            return job_id

    def poll_job(self, job_id: str) -> tuple[str, bool] | None:
        """Count one poll; returns ``(kind, done)`` or ``None`` for an unknown job."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            job.polls += 1
            return job.kind, job.polls > self.report_ready_after
