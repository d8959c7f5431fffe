"""Legacy against migrated: one golden case's code run against the real upstreams.

A driver runs in a fresh interpreter with ``-W error`` (an un-awaited
coroutine fails it), imports the case's package from a copy of ``input/``
or ``expected/`` and evaluates scenario expressions one by one (the upstreams' addresses are
names: ``SOCIAL_URL``; the key is ``API_KEY`` in the environment). What an
expression gives is awaited when it is awaitable and drained (``async for``
or ``for``) when it is an iterator, so one scenario list serves both
versions. Each scenario's outcome (value, or exception class name) and the
requests the upstreams saw are compared between the two versions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sample_upstreams import UpstreamCluster

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "rewrite" / "cases"

DRIVER = r"""
import asyncio, importlib, inspect, json, os, sys

async def settle(value):
    while inspect.isawaitable(value):
        value = await value
    if inspect.isasyncgen(value):
        return [item async for item in value]
    if inspect.isgenerator(value):
        return list(value)
    return value

# Start every call on one loop before any finishes (migrated code only).
async def concurrently(*thunks):
    return await asyncio.gather(*(thunk() for thunk in thunks))

def outcome(expr, namespace):
    try:
        value = eval(expr, namespace)
        if inspect.isawaitable(value) or inspect.isasyncgen(value):
            value = asyncio.run(settle(value))
        elif inspect.isgenerator(value):
            value = list(value)
        return {"value": value}
    except Exception as exc:
        return {"raised": f"{type(exc).__module__.split('.')[0]}.{type(exc).__name__}"}

modules, scenarios = json.loads(sys.argv[1])
# The upstreams' addresses (SOCIAL_URL, CATALOG_URL...) as names.
namespace = {k: v for k, v in os.environ.items() if k.endswith("_URL")}
namespace["concurrently"] = concurrently
for module in modules:
    namespace.update(vars(importlib.import_module(module)))
for expr in scenarios:
    print(json.dumps([expr, outcome(expr, namespace)]), flush=True)
"""


# What the migrated code raises where the legacy code raised requests' class
# (the mapping the http-client rule carries out).
EQUIVALENT_EXCEPTIONS = {
    "requests.HTTPError": "httpx.HTTPStatusError",
    "requests.ConnectionError": "httpx.ConnectError",
    "requests.Timeout": "httpx.TimeoutException",
    "requests.ReadTimeout": "httpx.ReadTimeout",
    "requests.ConnectTimeout": "httpx.ConnectTimeout",
    "requests.JSONDecodeError": "json.JSONDecodeError",
}


def as_migrated(outcome: object) -> object:
    """The legacy outcome as the migrated code should give it."""
    if isinstance(outcome, dict) and "raised" in outcome:
        return {"raised": EQUIVALENT_EXCEPTIONS.get(outcome["raised"], outcome["raised"])}
    return outcome


@dataclass
class Run:
    """What one version did: an outcome per scenario, the requests it sent, its stderr."""

    outcomes: dict[str, object]
    requests: Counter[tuple[str, str, str]]
    stderr: str


def run_version(
    tree: Path, modules: list[str], scenarios: list[str], upstreams: UpstreamCluster
) -> Run:
    upstreams.reset()
    env = {**os.environ, **upstreams.app_config(), **upstreams.client_env()}
    env.update(PYTHONPATH=str(tree), API_KEY=upstreams.api_key)
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", DRIVER, json.dumps([modules, scenarios])],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tree,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    outcomes = dict(json.loads(line) for line in proc.stdout.splitlines())
    assert upstreams.log.wait_idle()
    seen = Counter((e.method, e.path, e.query) for e in upstreams.log.entries())
    return Run(outcomes, seen, proc.stderr)


def run_case(
    case: str,
    side: str,
    modules: list[str],
    scenarios: list[str],
    upstreams: UpstreamCluster,
    tmp: Path,
) -> Run:
    """Run ``scenarios`` on one side of a case (``input`` or ``expected``)."""
    tree = tmp / side
    shutil.copytree(CASES / case / side, tree)
    run = run_version(tree, modules, scenarios, upstreams)
    assert "never awaited" not in run.stderr, run.stderr
    assert "Exception ignored" not in run.stderr, run.stderr
    return run


def compare_case(
    case: str, modules: list[str], scenarios: list[str], upstreams: UpstreamCluster, tmp: Path
) -> tuple[Run, Run]:
    """Run ``scenarios`` on the legacy and the migrated code; assert they behave the same."""
    legacy, migrated = (
        run_case(case, side, modules, scenarios, upstreams, tmp) for side in ("input", "expected")
    )
    expected = {expr: as_migrated(outcome) for expr, outcome in legacy.outcomes.items()}
    for expr, outcome in expected.items():
        assert migrated.outcomes.get(expr) == outcome, (expr, migrated.outcomes.get(expr), outcome)
    assert migrated.requests == legacy.requests, (migrated.requests, legacy.requests)
    return legacy, migrated
