"""Run the fan-out corpus legacy vs migrated against the same loopback upstreams.

Shared by tests/fanout/test_corpus.py (small latencies) and
benchmarks/fanout_speed.py (bigger ones, timed).
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import json
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from click.testing import CliRunner

from migrate.cli import main
from sample_upstreams import UpstreamCluster
from sample_upstreams.log import LogEntry

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Shape:
    module: str
    name: str
    concurrent: bool
    qualname: str = ""  # where the plan reports it, when not the shape itself

    @property
    def id(self) -> str:
        return f"{self.module}.{self.name}"


def _shapes() -> list[Shape]:
    found = []
    for module in ("loops", "expressions", "sequential"):
        text = (CORPUS / f"{module}.py").read_text()
        for line in text.splitlines():
            if line.startswith("def ") and "(urls" in line:
                name = line[4 : line.index("(")]
                found.append(Shape(module, name, module != "sequential"))
    return found


SHAPES = _shapes()
# Shapes the rewrite does not handle yet, by name -> why; each runs as a strict
# xfail (none today).
NOT_YET: dict[str, str] = {}
# Concurrent shapes with calls that stay in order by design (the plan says why),
# by name -> how many: the bench's ideal counts them as one round each.
IN_ORDER_CALLS: dict[str, int] = {}
# Concurrent shapes whose futures are used as futures: their thread pool stays
# (the plan says why), so they are as fast as the legacy threads, no faster.
KEPT_IN_THREADS = frozenset(
    {
        "thread_pool_callbacks",
        "thread_pool_wait",
        "thread_pool_futures_kept",
        "thread_pool_map_loop_returns",
    }
)


def _pool_workers() -> dict[str, int]:
    """Shapes that ran in a thread pool of a given size, by name -> its max_workers:
    their gathers never run more at once than the pool did."""
    found = {}
    for module in ("loops", "expressions", "sequential"):
        tree = ast.parse((CORPUS / f"{module}.py").read_text())
        for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
            for node in ast.walk(function):
                if not (
                    isinstance(node, ast.Call) and ast.unparse(node.func) == "ThreadPoolExecutor"
                ):
                    continue
                sizes = [
                    *node.args[:1],
                    *(k.value for k in node.keywords if k.arg == "max_workers"),
                ]
                defaults = dict(
                    zip([a.arg for a in function.args.args][::-1], function.args.defaults[::-1])
                )
                if sizes and isinstance(sizes[0], ast.Name) and sizes[0].id in defaults:
                    sizes[0] = defaults[sizes[0].id]  # a size given at run time, by default
                if sizes and isinstance(sizes[0], ast.Constant):
                    found[function.name] = sizes[0].value
    return found


POOL_WORKERS = _pool_workers()
# Reported in the plan under the method the shape calls.
PLAN_NAMES = {
    "thread_pool_futures_kept": "Prefetch.start",
    "loop_self_method": "Directory.names",
    "loop_session_attribute": "Catalog.handles",
    "seq_yield": "_handles",
}


@dataclass
class Outcome:
    value: Any
    error: BaseException | None
    log: list[LogEntry]
    seconds: float

    def requests(self) -> Counter[tuple[str, str, str, bytes]]:
        return Counter((e.method, e.path, e.query, _canonical(e.body)) for e in self.log)

    def order(self) -> list[tuple[str, str, str]]:
        return [(e.method, e.path, e.query) for e in sorted(self.log, key=lambda e: e.seq)]


def _canonical(body: bytes) -> bytes:
    """A JSON body as data: requests and httpx space the same JSON differently."""
    try:
        return json.dumps(json.loads(body), sort_keys=True).encode()
    except ValueError:
        return body


@dataclass
class Migrated:
    legacy: str  # package names on sys.path
    migrated: str
    plan: dict[str, Any]
    root: Path  # the folder ``migrate apply`` ran on (holds the migrated package)


def migrate_corpus(tmp: Path, max_concurrency: int) -> Migrated:
    """Two copies of the corpus, one migrated by ``migrate apply``; both importable.

    ``migrate`` runs in this process (one job), as ``make mutation`` needs to
    see which of its functions the corpus reaches.
    """
    legacy = tmp / "legacy"
    migrated = tmp / "migrated"
    shutil.copytree(CORPUS, legacy / "corpus_legacy")
    shutil.copytree(CORPUS, migrated / "corpus_migrated")
    runner = CliRunner()
    plan = runner.invoke(main, ["plan", str(migrated), "--json", "--jobs", "1"])
    assert plan.exit_code == 0, plan.output
    applied = runner.invoke(
        main, ["apply", str(migrated), "--max-concurrency", str(max_concurrency), "--jobs", "1"]
    )
    assert applied.exit_code == 0, applied.output
    # Run from these copies, not from copies an earlier migration in this process
    # imported (``make mutation`` forks its workers from a process that ran the
    # tests once already).
    for name in [n for n in sys.modules if n.split(".")[0] in ("corpus_legacy", "corpus_migrated")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    for root in (legacy, migrated):
        sys.path.insert(0, str(root))
    return Migrated("corpus_legacy", "corpus_migrated", json.loads(plan.stdout), migrated)


def run_shape(package: str, shape: Shape, upstreams: UpstreamCluster) -> Outcome:
    module: ModuleType = importlib.import_module(f"{package}.{shape.module}")
    function = getattr(module, shape.name)
    urls = dict(upstreams.urls)
    upstreams.log.clear()
    started = time.perf_counter()
    value: Any = None
    error: BaseException | None = None
    try:
        is_async = inspect.iscoroutinefunction(function)
        value = asyncio.run(function(urls)) if is_async else function(urls)
    except Exception as exc:  # compared with the other version's
        error = exc
    seconds = time.perf_counter() - started
    # The server records a request after its last byte is sent: on a busy machine
    # the client can return first.
    assert upstreams.log.wait_idle()
    return Outcome(value, error, upstreams.log.entries(), seconds)


def max_in_flight(log: list[LogEntry]) -> int:
    """Peak number of requests in progress at once (touching ends don't overlap)."""
    events = sorted([(e.start, 1) for e in log] + [(e.end, -1) for e in log])
    peak = current = 0
    for _, delta in events:
        current += delta
        peak = max(peak, current)
    return peak
