"""Raw ASGI application serving one upstream service.

No framework on purpose: the upstreams need byte-level control over responses
(the ``drop`` fault sends a short body and closes the connection) and precise
timestamps, both of which a framework would hide.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from .log import LogEntry, RequestLog, now
from .services import Request, Response, match_route
from .state import ClusterState

__all__ = ["SLOW_FAULT_SECONDS", "ServiceApp", "Sleeper"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

#: How long the ``slow`` fault stalls: longer than any sensible client timeout.
SLOW_FAULT_SECONDS = 10.0

MALFORMED_BODY = b'{"broken": '
# The drop fault announces this many bytes but sends only DROP_PARTIAL_BODY.
DROP_DECLARED_LENGTH = 256
DROP_PARTIAL_BODY = b'{"partial": "the connection is closed before the rest'


class Sleeper:
    """``asyncio.sleep`` that wakes early when the cluster stops.

    Latency and the ``slow`` fault sleep through this, so ``stop()`` never waits
    for a 10 s stall (uvicorn waits for in-flight requests before it exits).
    """

    def __init__(self) -> None:
        self._stopping: asyncio.Event | None = None

    def bind(self) -> None:
        """Create the event inside the server loop (call from that loop)."""
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Wake every sleeper; must run in the server loop (``call_soon_threadsafe``)."""
        if self._stopping is not None:
            self._stopping.set()

    async def sleep(self, seconds: float) -> bool:
        """Sleep; returns False when interrupted by :meth:`stop`."""
        if self._stopping is None or self._stopping.is_set():
            return seconds <= 0
        if seconds <= 0:
            return True
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            return True
        return False


def _json_bytes(payload: Any) -> bytes:
    return json.dumps(payload).encode("utf-8")


class _Exchange:
    """One request in flight: remembers what is needed to log it exactly once."""

    def __init__(
        self, app: ServiceApp, scope: Scope, seq: int, generation: int, start: float
    ) -> None:
        self.app = app
        self.scope = scope
        self.seq = seq
        self.generation = generation
        self.start = start
        self.route = ""
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = b""
        self.committed = False

    def commit(self) -> None:
        """Write the log entry (first call only)."""
        if self.committed:
            return
        self.committed = True
        client = self.scope.get("client")
        entry = LogEntry(
            seq=self.seq,
            service=self.app.name,
            method=self.scope["method"],
            path=self.scope["path"],
            route=self.route,
            query=self.scope.get("query_string", b"").decode("latin-1"),
            start=self.start,
            end=now(),
            status=self.status,
            client_port=int(client[1]) if client else 0,
            headers=self.headers,
            body=self.body,
        )
        self.app.log.record(entry, self.generation)


class ServiceApp:
    """ASGI app for one service: auth, latency, faults, routing, logging."""

    def __init__(
        self,
        name: str,
        state: ClusterState,
        log: RequestLog,
        sleeper: Sleeper,
        reset: Callable[[], None],
    ) -> None:
        self.name = name
        self.state = state
        self.log = log
        self.sleeper = sleeper
        self._reset = reset

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan is off; websockets are not served
            return
        start = now()
        if scope["path"].startswith("/_"):
            body = await _read_body(receive)
            await _send_json(send, *self._control(scope["method"], scope["path"], body))
            return
        seq, generation = self.log.begin()
        ex = _Exchange(self, scope, seq, generation, start)
        try:
            await self._serve(ex, scope, receive, send)
        finally:
            # Covers requests that ended without a response (client gone, stop()).
            ex.commit()

    async def _serve(self, ex: _Exchange, scope: Scope, receive: Receive, send: Send) -> None:
        ex.headers = _headers(scope)
        body = await _read_body(receive)
        if body is None:  # client disconnected before sending its body
            return
        # The network: the request travelled half a round trip, the response will the other.
        if not await self.sleeper.sleep(self.state.rtt):
            await self._respond(ex, send, Response(503, {"error": "shutting down"}))
            return
        ex.body = body
        method, path = scope["method"], scope["path"]
        route, path_known = match_route(self.name, method, path)
        ex.route = route.template if route else ""

        if ex.headers.get("x-api-key") != self.state.api_key:
            await self._respond(ex, send, Response(401, {"error": "unauthorized"}))
            return
        if route is None:
            status, error = (405, "method not allowed") if path_known else (404, "not found")
            await self._respond(ex, send, Response(status, {"error": error}))
            return

        # Latency is an await, not a blocking sleep, so concurrent requests overlap.
        if not await self.sleeper.sleep(self.state.latency_for(self.name, route.template, path)):
            await self._respond(ex, send, Response(503, {"error": "shutting down"}))
            return

        fault = self.state.take_fault(self.name, route.template, path)
        if fault == "error500":
            await self._respond(ex, send, Response(500, {"error": "internal"}))
            return
        if fault == "malformed":
            await self._send_raw(ex, send, 200, MALFORMED_BODY)
            return
        if fault == "drop":
            await self._drop(ex, send)
            return
        if fault == "slow" and not await self.sleeper.sleep(SLOW_FAULT_SECONDS):
            await self._respond(ex, send, Response(503, {"error": "shutting down"}))
            return

        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        params = route.pattern.match(path)
        request = Request(
            service=self.name,
            method=method,
            path=path,
            query=query,
            body=body,
            params=params.groupdict() if params else {},
        )
        try:
            response = route.handler(request, self.state)
        except Exception:  # a bug in a handler must still produce a logged 500
            response = Response(500, {"error": "internal"})
        await self._respond(ex, send, response)

    async def _respond(self, ex: _Exchange, send: Send, response: Response) -> None:
        await self._send_raw(ex, send, response.status, _json_bytes(response.payload))

    async def _send_raw(self, ex: _Exchange, send: Send, status: int, body: bytes) -> None:
        ex.status = status
        await send(_start(status, len(body)))
        # Log before the last chunk goes out: once a client has the full response,
        # its entry is already visible (no race between test thread and server).
        ex.commit()
        await send({"type": "http.response.body", "body": body, "more_body": False})

    async def _drop(self, ex: _Exchange, send: Send) -> None:
        ex.status = 200
        await send(_start(200, DROP_DECLARED_LENGTH))
        ex.commit()
        await send({"type": "http.response.body", "body": DROP_PARTIAL_BODY, "more_body": True})
        # Returning with the body incomplete makes uvicorn close the connection:
        # the client sees a truncated body (IncompleteRead / RemoteProtocolError).

    def _control(self, method: str, path: str, body: bytes | None) -> tuple[int, Any]:
        """Control routes: unauthenticated, unlogged, no latency (for a demo process)."""
        if method == "GET" and path == "/_log":
            return 200, [e.to_json() for e in self.log.entries()]
        if method != "POST" or path not in ("/_reset", "/_fault", "/_latency"):
            return 404, {"error": "not found"}
        if path == "/_reset":
            self._reset()
            return 200, {"ok": True}
        try:
            data = json.loads(body or b"{}")
            if not isinstance(data, dict):
                raise ValueError("expected a JSON object")
            service = str(data.get("service") or self.name)
            if path == "/_fault":
                times = data.get("times")
                self.state.inject_fault(
                    service,
                    str(data.get("kind")),
                    data.get("path"),
                    None if times is None else int(times),
                )
            else:
                self.state.set_latency(service, float(data["seconds"]), data.get("path"))
        except (ValueError, KeyError, TypeError) as exc:
            return 400, {"error": str(exc)}
        return 200, {"ok": True}


def _start(status: int, content_length: int) -> Message:
    return {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(content_length).encode("ascii")),
        ],
    }


async def _send_json(send: Send, status: int, payload: Any) -> None:
    body = _json_bytes(payload)
    await send(_start(status, len(body)))
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _headers(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body, or ``None`` if the client disconnected first."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)
