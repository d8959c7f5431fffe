"""Thread pools with a size: never more calls at once than the legacy pool ran.

A pool of one thread ran its calls one at a time, in order: it stays (the
calls keep running there, bridged), whatever it runs. A larger pool's
``max_workers`` bounds the gather it becomes, below ``--max-concurrency``.
"""

from __future__ import annotations

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import partial

import requests

WORKERS = 3


def fetch(i):
    return requests.get(f"http://api/{i}").json()


def save(i):
    return requests.post("http://api/items", json={"i": i}).json()


def submitted_writes(ids):
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [pool.submit(save, i) for i in ids]
        return [f.result() for f in futures]


def mapped_lambda(ids):
    with ThreadPoolExecutor(1) as pool:
        return list(pool.map(lambda i: fetch(i)["id"], ids))


def mapped_partial(ids):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return list(pool.map(partial(fetch), ids))


def pool_in_a_variable(ids):
    executor = ThreadPoolExecutor(max_workers=1)
    with executor:
        return list(executor.map(lambda i: fetch(i), ids))


def completed(ids):
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = {pool.submit(fetch, i): i for i in ids}
        found = {}
        for future in as_completed(futures):
            found[futures[future]] = future.result()
        return found


def sized_by_a_constant(ids):
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(save, i) for i in ids]
        return [f.result() for f in futures]


def mapped_by_two(ids):
    executor = ThreadPoolExecutor(2)
    with executor:
        return list(executor.map(lambda i: fetch(i)["id"], ids))


def default_pool(ids):
    with ThreadPoolExecutor() as pool:
        return list(pool.map(fetch, ids))


def taken_one_at_a_time(ids):
    with ThreadPoolExecutor() as pool:
        items = pool.map(fetch, ids)
        return next(items), list(items)


def sized_at_run_time(ids, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, ids))


def sized_before_each_pool(ids, workers):
    found = []
    for chunk in (ids[:2], ids[2:]):
        workers = min(workers, len(chunk))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            found += list(pool.map(fetch, chunk))
    return found


class Sized:
    def __init__(self, workers):
        self.workers = workers

    def fetch_all(self, ids):
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(fetch, ids))


def sized_then_changed(ids, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        workers += 1
        return list(pool.map(fetch, ids))


def sized_none_by_default(ids, workers=None):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, ids))


def mapped_writes(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda i: save(i), ids))


def mapped_writes_in_turn(ids):
    return list(map(lambda i: save(i), ids))
"""

ONE_AT_A_TIME = (
    "kept in threads: the thread pool runs one call at a time (max_workers=1), so the"
    " upstream never saw two at once; a larger max_workers would let the calls run together"
)


@pytest.fixture(scope=shared)
def spots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Spot]:
    folder = tmp_path_factory.mktemp("pools")
    (folder / "pools.py").write_text(SOURCE)
    found = analyse_paths([folder], jobs=1).spots
    return {s.function.rsplit(".", 1)[-1]: s for s in found if s.kind != "ordered-writes"}


@pytest.mark.parametrize(
    "function",
    ["submitted_writes", "mapped_lambda", "mapped_partial", "pool_in_a_variable", "completed"],
)
def test_a_pool_of_one_thread_keeps_its_calls_in_order(
    spots: dict[str, Spot], function: str
) -> None:
    spot = spots[function]
    assert spot.safe is False and spot.edit is None
    assert spot.reason == ONE_AT_A_TIME


@pytest.mark.parametrize(
    ("function", "workers"), [("sized_by_a_constant", 3), ("mapped_by_two", 2)]
)
def test_a_larger_pool_bounds_its_gather_by_its_max_workers(
    spots: dict[str, Spot], function: str, workers: int
) -> None:
    spot = spots[function]
    assert spot.safe is True and spot.workers == workers
    assert (
        f"at most {workers} (the pool's max_workers; --max-concurrency if lower) at a time"
        in spot.reason
    )


def test_the_default_pool_is_bounded_by_max_concurrency(spots: dict[str, Spot]) -> None:
    spot = spots["default_pool"]
    assert spot.safe is True and spot.workers is None
    assert "at most --max-concurrency at a time" in spot.reason


def test_a_map_whose_results_are_taken_one_at_a_time_stays_an_iterator(
    spots: dict[str, Spot],
) -> None:
    spot = spots["taken_one_at_a_time"]
    assert spot.safe is True and spot.lazy is True
    assert spot.reason.endswith(
        "; the results are taken one at a time (an iterator), so each failure is raised"
        " when its result is taken"
    )
    assert spots["default_pool"].lazy is False


@pytest.mark.parametrize(
    ("function", "size"),
    [
        ("sized_at_run_time", "workers"),
        ("fetch_all", "self.workers"),
        # Bound again before each pool is made, not while it runs: read where the
        # gather runs, it is the size of the pool it replaces.
        ("sized_before_each_pool", "workers"),
    ],
)
def test_a_pool_sized_at_run_time_bounds_its_gather_by_that_size(
    spots: dict[str, Spot], function: str, size: str
) -> None:
    spot = spots[function]
    assert spot.safe is True and spot.workers is None and spot.pool_size == size
    assert f"at most {size} (the pool's max_workers; --max-concurrency if lower)" in spot.reason


@pytest.mark.parametrize("function", ["sized_then_changed", "sized_none_by_default"])
def test_a_size_read_again_could_differ_and_is_not_the_bound(
    spots: dict[str, Spot], function: str
) -> None:
    # Rebound before the gather, or None (the default pool): --max-concurrency bounds it.
    spot = spots[function]
    assert spot.safe is True and spot.pool_size == ""
    assert "at most --max-concurrency at a time" in spot.reason


def test_writes_a_thread_pool_sent_together_are_gathered(spots: dict[str, Spot]) -> None:
    """Its threads sent the POSTs in no order already; the builtin map sent them in
    turn, an order the upstream may observe."""
    assert spots["mapped_writes"].safe is True and spots["mapped_writes"].workers == 4
    assert spots["mapped_writes_in_turn"].safe is False
    assert "POST requests whose order" in spots["mapped_writes_in_turn"].reason
