"""Speed-up of every shape of the fan-out corpus (tests/fanout/corpus), one run each.

The corpus is copied twice, one copy migrated by ``migrate apply``; each shape
runs legacy then migrated against the same loopback upstreams answering after
``--latency`` seconds. Per shape it prints the speed-up (legacy time over
migrated time) next to the ideal one: the rounds of requests the legacy code
made (one per request, fewer when it already used threads) over the rounds
``--max-concurrency`` allows. Shapes that must stay sequential have an ideal
of 1x. It asserts nothing: a benchmark, not a test.

The upstreams, ``migrate`` and libcst live in this process too: a full
garbage collection walks all of them (40-180 ms here) and landed in whichever
run happened to cross the threshold, the same one every time on a quiet
machine. So the harness's objects are frozen out of the collector before the
runs, and garbage from one run is collected before the next is timed: each
run pays for the collections its own allocations cause, and no more.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import math
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_upstreams import UpstreamCluster
from tests.fanout.harness import (
    IN_ORDER_CALLS,
    KEPT_IN_THREADS,
    NOT_YET,
    POOL_WORKERS,
    SHAPES,
    max_in_flight,
    migrate_corpus,
    run_shape,
)

SERVICES = ("social", "catalog", "weather", "payments")
TARGET = 0.7  # of the ideal speed-up, for shapes that must become concurrent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--max-concurrency", type=int, default=10)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the shapes log what they skip

    table = Table(title=f"fan-out corpus, {args.latency * 1000:.0f} ms upstreams")
    table.add_column("shape", no_wrap=True)
    for column in ("requests", "legacy", "migrated", "speed-up", "ideal", "of ideal"):
        table.add_column(column, justify="right")
    below = []
    with tempfile.TemporaryDirectory() as tmp, UpstreamCluster() as upstreams:
        corpus = migrate_corpus(Path(tmp), args.max_concurrency)
        for package in (corpus.legacy, corpus.migrated):  # imports are not what we time
            for module in {s.module for s in SHAPES}:
                importlib.import_module(f"{package}.{module}")
            # Nor the first event loop, TLS context and connections of a run.
            run_shape(package, SHAPES[0], upstreams)
        gc.collect()
        gc.freeze()
        for shape in SHAPES:
            runs = []
            for package in (corpus.legacy, corpus.migrated):
                upstreams.reset()
                for service in SERVICES:
                    upstreams.set_latency(service, args.latency)
                gc.collect()
                runs.append(run_shape(package, shape, upstreams))
            before, after = runs
            count = len(before.log)
            rounds = math.ceil(count / max(1, max_in_flight(before.log)))
            in_order = IN_ORDER_CALLS.get(shape.name, 0)
            limit = min(args.max_concurrency, POOL_WORKERS.get(shape.name, args.max_concurrency))
            best = math.ceil((count - in_order) / limit) + in_order
            faster = shape.concurrent and shape.name not in KEPT_IN_THREADS
            ideal = rounds / best if faster else 1.0
            speed_up = before.seconds / after.seconds
            share = speed_up / ideal
            if shape.concurrent and share < TARGET:
                gap = NOT_YET.get(shape.name)
                below.append(f"{shape.name} ({gap})" if gap else shape.name)
            table.add_row(
                shape.name,
                str(count),
                f"{before.seconds * 1000:.0f} ms",
                f"{after.seconds * 1000:.0f} ms",
                f"{speed_up:.2f}x",
                f"{ideal:.1f}x",
                f"{share:.2f}",
            )
    console = Console(width=120)
    console.print(table)
    if below:
        console.print(f"below {TARGET}x the ideal: {', '.join(below)}")
    else:
        console.print(f"every concurrent shape reaches at least {TARGET}x its ideal speed-up")


if __name__ == "__main__":
    main()
