"""Helpers of the behaviour suite: a real server and a recording client."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import httpx
from flask import Flask

from sample_upstreams import UpstreamCluster

AppFactory = Callable[[dict[str, Any]], Flask]


class LiveApp:
    """The app under a real server, with a client that records what each call cost."""

    def __init__(
        self,
        base_url: str,
        upstreams: UpstreamCluster,
        measurements: dict[str, dict[str, Any]],
    ) -> None:
        self.base_url = base_url
        self.upstreams = upstreams
        self.measurements = measurements
        self.client = httpx.Client(base_url=base_url, timeout=30)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        self.upstreams.log.clear()
        started = time.perf_counter()
        response = self.client.request(method, path, **kwargs)
        elapsed = time.perf_counter() - started
        key = f"{method} {path.split('?')[0]} {response.status_code}"
        self.measurements[key] = {
            "seconds": round(elapsed, 4),
            "upstream_calls": len(self.upstreams.log.entries()),
        }
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def close(self) -> None:
        self.client.close()


LiveFactory = Callable[..., AbstractContextManager[LiveApp]]


def upstream_json(upstreams: UpstreamCluster, service: str, path: str) -> Any:
    """What an upstream answers directly, to compare the app's output with."""
    with httpx.Client(base_url=upstreams.urls[service], headers={"X-Api-Key": "dev-key"}) as c:
        return c.get(path).json()
