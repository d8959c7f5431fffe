"""Thread-safe request log shared by every service of an :class:`UpstreamCluster`.

Tests use the log to prove (or disprove) that requests overlapped in time, so every
entry carries ``time.perf_counter()`` stamps taken on the server side.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

# How long reading the log waits for requests still in flight (see entries()).
_SETTLE_SECONDS = 2.0

__all__ = ["LogEntry", "RequestLog"]


@dataclass(frozen=True)
class LogEntry:
    """One request as the upstream saw it.

    ``start`` and ``end`` are ``time.perf_counter()`` values taken when the request
    arrived and when the response was finished; ``client_port`` is the peer's port,
    so two entries with the same port were served over the same keep-alive
    connection.
    """

    seq: int
    service: str
    method: str
    path: str
    route: str
    query: str
    start: float
    end: float
    status: int
    client_port: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def duration(self) -> float:
        """Seconds between arrival and end of the response."""
        return self.end - self.start

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable view (the body is decoded as UTF-8 text)."""
        return {
            "seq": self.seq,
            "service": self.service,
            "method": self.method,
            "path": self.path,
            "route": self.route,
            "query": self.query,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "client_port": self.client_port,
            "headers": dict(self.headers),
            "body": self.body.decode("utf-8", errors="replace"),
        }


class RequestLog:
    """Collects :class:`LogEntry` objects from the server thread; safe to read anywhere.

    Requests register on arrival (:meth:`begin`, which hands out the arrival-order
    ``seq``) and are recorded once finished (:meth:`record`). :meth:`clear` starts a
    new *generation*: requests that arrived before the clear (for example a
    ``slow`` fault still sleeping after its client gave up) are dropped when they
    finish, so they cannot leak into the next test's log.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._entries: list[LogEntry] = []
        self._next_seq = 1
        self._generation = 0
        self._in_flight = 0

    def begin(self) -> tuple[int, int]:
        """Reserve an arrival sequence number; returns ``(seq, generation)``."""
        with self._lock:
            seq = self._next_seq
            self._next_seq += 1
            self._in_flight += 1
            return seq, self._generation

    def record(self, entry: LogEntry, generation: int) -> None:
        """Store a finished request unless the log was cleared since it arrived."""
        with self._lock:
            self._in_flight -= 1
            if generation == self._generation:
                self._entries.append(entry)
            self._idle.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every request that arrived is recorded.

        A client can read the last byte of a response before the server
        records it: read the log after this to see every request a finished
        client made.
        """
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight <= 0, timeout)

    def entries(self) -> list[LogEntry]:
        """All recorded entries in arrival order (``seq``).

        Waits a moment for requests still in flight: a client can read the
        last byte of a response before the server records it, and a test
        reading the log after its client returned must see that request.
        """
        with self._idle:
            self._idle.wait_for(lambda: self._in_flight <= 0, _SETTLE_SECONDS)
            return sorted(self._entries, key=lambda e: e.seq)

    def for_service(self, name: str) -> list[LogEntry]:
        """Entries of one service, in arrival order."""
        return [e for e in self.entries() if e.service == name]

    def clear(self) -> None:
        """Forget every entry and restart ``seq`` at 1."""
        with self._lock:
            self._entries.clear()
            self._next_seq = 1
            self._generation += 1

    def max_in_flight(self, service: str | None = None) -> int:
        """Peak number of requests in progress at the same time.

        Computed from ``start``/``end`` with a sweep; a request that ends exactly
        when another starts does not count as overlapping.
        """
        entries = self.entries() if service is None else self.for_service(service)
        # (time, delta): ends (-1) sort before starts (+1) at equal times.
        events = sorted(
            [(e.start, 1) for e in entries] + [(e.end, -1) for e in entries],
        )
        peak = current = 0
        for _, delta in events:
            current += delta
            peak = max(peak, current)
        return peak

    @staticmethod
    def overlapping(a: LogEntry, b: LogEntry) -> bool:
        """True when the two requests were in progress at the same moment."""
        return a.start < b.end and b.start < a.end

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def now() -> float:
    """The clock every log timestamp uses."""
    return time.perf_counter()
