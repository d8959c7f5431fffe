"""Which sequential awaits may run together (migrate/analyse/concurrency.py).

One small module of typical shapes, analysed as ``migrate plan`` would: each
test states whether a spot is safe, and for an unsafe one, that the reason
names what keeps it in order.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """
import time

import requests

BASE = "http://api"


def fetch(i):
    return requests.get(f"{BASE}/{i}").json()


def post(item):
    return requests.post(f"{BASE}/items", json=item).json()


def summary():
    a = fetch(1)
    b = fetch(2)
    return a, b


def dependent():
    a = fetch(1)
    b = fetch(a["next"])
    return b


def writes_between(cache):
    a = fetch(1)
    cache.clear()
    b = fetch(cache)
    return a, b


def two_posts():
    x = post({"a": 1})
    y = post({"b": 2})
    return x, y


def loop(ids):
    out = []
    for i in ids:
        out.append(fetch(i))
    return out


def comprehension(ids: list[int]):
    return [fetch(i) for i in ids]


def paced(ids):
    out = []
    for i in ids:
        out.append(fetch(i))
        time.sleep(1)
    return out


def alone():
    return fetch(1)
"""


def spots(tmp_path: Path, allow_reorder: bool = False) -> dict[str, Spot]:
    (tmp_path / "svc.py").write_text(textwrap.dedent(SOURCE))
    found = analyse_paths([tmp_path], jobs=1, allow_reorder=allow_reorder).spots
    by_function = {spot.function.rsplit(".", 1)[-1]: spot for spot in found}
    assert len(by_function) == len(found), "one spot per function here"
    return by_function


@pytest.fixture
def found(tmp_path: Path) -> dict[str, Spot]:
    return spots(tmp_path)


def test_independent_calls_are_a_safe_gather_of_known_size(found: dict[str, Spot]) -> None:
    spot = found["summary"]
    assert (spot.kind, spot.safe, spot.items, spot.bounded) == ("sequential-calls", True, 2, False)
    assert spot.calls == ("svc.fetch", "svc.fetch")
    assert spot.edit is not None
    assert "2 independent calls" in spot.reason


def test_a_call_that_needs_the_result_of_another_stays_in_order(found: dict[str, Spot]) -> None:
    spot = found["dependent"]
    assert not spot.safe and spot.edit is None
    assert "fetch needs a from fetch" in spot.reason


def test_a_call_that_reads_what_the_code_before_it_changes_stays_in_order(
    found: dict[str, Spot],
) -> None:
    spot = found["writes_between"]
    assert not spot.safe
    assert "needs cache" in spot.reason


def test_writes_upstream_keep_their_order_unless_reordering_is_allowed(tmp_path: Path) -> None:
    spot = spots(tmp_path)["two_posts"]
    assert not spot.safe
    assert "POST" in spot.reason and "--allow-reorder" in spot.reason
    (tmp_path / "svc.py").unlink()
    assert spots(tmp_path, allow_reorder=True)["two_posts"].safe


def test_a_loop_and_a_comprehension_over_user_data_are_bounded_gathers(
    found: dict[str, Spot],
) -> None:
    for name, kind in (("loop", "loop"), ("comprehension", "comprehension")):
        spot = found[name]
        assert (spot.kind, spot.safe, spot.bounded, spot.items) == (kind, True, True, None)
        assert spot.calls == ("svc.fetch",)
        assert "--max-concurrency" in spot.reason


def test_a_loop_that_sleeps_between_requests_keeps_its_pace(found: dict[str, Spot]) -> None:
    spot = found["paced"]
    assert not spot.safe
    assert "paces its requests with sleep" in spot.reason
    assert "time.sleep" in spot.calls


def test_a_single_call_is_no_spot(found: dict[str, Spot]) -> None:
    assert "alone" not in found and "fetch" not in found and "post" not in found


POOLS = """
from concurrent.futures import ThreadPoolExecutor

import requests


def fetch(i):
    return requests.get(f"http://api/{i}").json()


def mapped(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(fetch, ids))


def submitted(ids):
    with ThreadPoolExecutor() as pool:
        futures = [pool.submit(fetch, i) for i in ids]
        return [f.result() for f in futures]


def builtin_map(ids):
    return list(map(fetch, ids))
"""


def test_a_thread_pool_fan_out_becomes_a_gather_and_its_pool_goes(tmp_path: Path) -> None:
    (tmp_path / "pools.py").write_text(POOLS)
    found = {s.function: s for s in analyse_paths([tmp_path], jobs=1).spots}
    assert set(found) == {"pools.mapped", "pools.submitted", "pools.builtin_map"}
    for name, kind, pool_lines in (
        ("pools.mapped", "executor-map", (12, 13)),
        ("pools.submitted", "executor-submit", (17, 19)),
    ):
        spot = found[name]
        assert (spot.kind, spot.safe, spot.bounded) == (kind, True, True)
        assert spot.pool is not None and (spot.pool.line, spot.pool.end_line) == pool_lines
        assert spot.reason.endswith("the thread pool is no longer needed")
    plain = found["pools.builtin_map"]
    assert (plain.kind, plain.safe, plain.pool) == ("map", True, None)
    assert "thread pool" not in plain.reason
