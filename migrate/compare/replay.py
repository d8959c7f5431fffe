"""Replay a scenario against one app version and diff what the two versions answered.

Bodies are compared as JSON when both sides are JSON (so key order and
whitespace don't count, and ``ignore`` paths are skipped), byte for byte
otherwise. Status and every response header not in ``ignore_headers`` are
compared too.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

import httpx

from .scenario import Scenario

if TYPE_CHECKING:  # the sample's upstreams: only in the repository, not in the wheel
    from sample_upstreams import RequestLog

#: Headers that describe the connection, not the response.
HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding"})

#: Most differences listed per scenario; the rest are counted.
MAX_DIFFERENCES = 20


@dataclass(frozen=True)
class UpstreamCall:
    """One upstream request made while serving a scenario, in seconds from its start."""

    service: str
    method: str
    route: str
    start: float
    end: float
    status: int
    #: Path and query string as requested (``route`` is its template).
    url: str = ""

    def to_json(self) -> dict[str, Any]:
        """Times in milliseconds, rounded to 0.1 ms."""
        return {
            "service": self.service,
            "method": self.method,
            "route": self.route,
            "url": self.url,
            "start_ms": round(self.start * 1000, 1),
            "end_ms": round(self.end * 1000, 1),
            "status": self.status,
        }


@dataclass(frozen=True)
class Exchange:
    """What one app version answered to one scenario, and how long it took."""

    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float
    upstream_calls: tuple[UpstreamCall, ...] = ()

    @property
    def content_type(self) -> str:
        """The media type, without parameters."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class Difference:
    """One thing that differs: ``where`` is ``status``, ``header NAME`` or ``body[.path]``."""

    where: str
    before: str
    after: str

    def to_json(self) -> dict[str, str]:
        """The three fields as a dict."""
        return {"where": self.where, "before": self.before, "after": self.after}


def send(client: httpx.Client, scenario: Scenario, log: RequestLog | None = None) -> Exchange:
    """Send one scenario request; with ``log``, also record the upstream calls it made."""
    if log is not None:
        log.clear()
    started = time.perf_counter()
    try:
        response = client.request(scenario.method, scenario.path, json=scenario.json)
    except httpx.TransportError as exc:
        # The app dropped the connection (a streamed body that failed half-way,
        # say): that is an answer too, and both versions may give it.
        return Exchange(
            status=0,
            headers={},
            body=f"<no complete response: {type(exc).__name__}>".encode(),
            elapsed=time.perf_counter() - started,
        )
    elapsed = time.perf_counter() - started
    calls: tuple[UpstreamCall, ...] = ()
    if log is not None:
        calls = tuple(
            UpstreamCall(
                service=e.service,
                method=e.method,
                route=e.route or e.path,
                start=e.start - started,
                end=e.end - started,
                status=e.status,
                url=f"{e.path}?{e.query}" if e.query else e.path,
            )
            for e in _settled(log)
        )
    return Exchange(
        status=response.status_code,
        headers={k.lower(): v for k, v in response.headers.items()},
        body=response.content,
        elapsed=elapsed,
        upstream_calls=calls,
    )


def _settled(log: RequestLog) -> list[Any]:
    # An upstream writes its log entry just after its last byte is sent, so the
    # app can answer a hair before the last entry lands: wait until it is quiet.
    count, deadline = len(log), time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        time.sleep(0.01)
        if len(log) == count:
            break
        count = len(log)
    return log.entries()


def diff_exchanges(
    before: Exchange,
    after: Exchange,
    ignore: tuple[str, ...] = (),
    ignore_headers: frozenset[str] = frozenset(),
) -> list[Difference]:
    """Every difference between two answers to the same scenario (empty: identical)."""
    found: list[Difference] = []
    if before.status != after.status:
        found.append(Difference("status", str(before.status), str(after.status)))
    skip = ignore_headers | HOP_BY_HOP
    for name in sorted((before.headers.keys() | after.headers.keys()) - skip):
        old, new = before.headers.get(name), after.headers.get(name)
        if old != new:
            found.append(Difference(f"header {name}", _show(old), _show(new)))
    old_json, new_json = _as_json(before), _as_json(after)
    if old_json is not _NOT_JSON and new_json is not _NOT_JSON:
        _diff_json(old_json, new_json, [], ignore, found)
    elif before.body != after.body:
        found.append(Difference("body", _preview(before.body), _preview(after.body)))
    if len(found) > MAX_DIFFERENCES:
        extra = len(found) - MAX_DIFFERENCES
        found = [*found[:MAX_DIFFERENCES], Difference(f"... and {extra} more", "", "")]
    return found


_NOT_JSON = object()


def _as_json(exchange: Exchange) -> Any:
    if exchange.content_type != "application/json" and not exchange.content_type.endswith("+json"):
        return _NOT_JSON
    try:
        return json.loads(exchange.body)
    except ValueError:
        return _NOT_JSON


def _ignored(path: list[str], ignore: tuple[str, ...]) -> bool:
    for pattern in ignore:
        parts = pattern.split(".")
        if len(parts) == len(path) and all(fnmatchcase(p, q) for p, q in zip(path, parts)):
            return True
    return False


def _diff_json(
    old: Any, new: Any, path: list[str], ignore: tuple[str, ...], found: list[Difference]
) -> None:
    if path and _ignored(path, ignore):
        return
    where = "body" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in path)
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys(), key=str):
            if key not in new:
                if not _ignored([*path, str(key)], ignore):
                    found.append(Difference(f"{where}.{key}", _dump(old[key]), "(missing)"))
            elif key not in old:
                if not _ignored([*path, str(key)], ignore):
                    found.append(Difference(f"{where}.{key}", "(missing)", _dump(new[key])))
            else:
                _diff_json(old[key], new[key], [*path, str(key)], ignore, found)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            found.append(Difference(f"{where} length", str(len(old)), str(len(new))))
        for index, (a, b) in enumerate(zip(old, new)):
            _diff_json(a, b, [*path, str(index)], ignore, found)
    elif type(old) is not type(new) or old != new:
        found.append(Difference(where, _dump(old), _dump(new)))


def _dump(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= 200 else text[:197] + "..."


def _show(value: str | None) -> str:
    return "(missing)" if value is None else value


def _preview(body: bytes) -> str:
    text = body[:200].decode("utf-8", errors="replace")
    more = f"... ({len(body)} bytes)" if len(body) > 200 else ""
    return text + more
