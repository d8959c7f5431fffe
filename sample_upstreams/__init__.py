"""Fake upstream HTTP services for the sample legacy app.

Real uvicorn servers on ``127.0.0.1`` with configurable latency, fault injection
and a request log with timestamps, used by tests (see
:mod:`sample_upstreams.pytest_fixtures`) and by the demo
(``python -m sample_upstreams``).
"""

from .cluster import UpstreamCluster
from .log import LogEntry, RequestLog
from .state import FAULT_KINDS, SERVICES

__all__ = ["FAULT_KINDS", "SERVICES", "LogEntry", "RequestLog", "UpstreamCluster"]
