"""Why a fan-out is gathered or kept sequential (migrate/analyse/gathers), as the plan says it.

Each function of ``SOURCE`` is one shape a reviewer would recognise; the test
states whether its calls may run together and the reason the plan gives,
with the line it points at. A wrong decision changes what the code does
(fewer items fetched, a request that needs an earlier answer); a wrong
reason sends the user to the wrong line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
import time
from collections.abc import Collection

import requests

BASE = "http://api"


def fetch(i):
    return requests.get(f"{BASE}/{i}").json()


def save(item):
    return requests.post(f"{BASE}/items", json=item).json()


def only_some(ids):
    out = []
    for i in ids:
        if i > 2:
            out.append(fetch(i))
    return out


def in_finally(ids):
    out = []
    for i in ids:
        try:
            pass
        finally:
            out.append(fetch(i))
    return out


def shared_line(ids):
    out = []
    for i in ids:
        item = fetch(i); out.append(item)
    return out


def skipped(ids):
    out = []
    for i in ids:
        if not i:
            continue
        out.append(fetch(i))
    return out


def stops(ids):
    out = []
    for i in ids:
        out.append(fetch(i))
        if len(out) > 3:
            break
    return out


def returns(ids):
    for i in ids:
        item = fetch(i)
        if item:
            return item
    return None


def raises(ids):
    out = []
    for i in ids:
        item = fetch(i)
        if not item:
            raise ValueError(i)
        out.append(item)
    return out


def yields(ids):
    for i in ids:
        yield fetch(i)


def changes_before(ids, state):
    out = []
    for i in ids:
        state.step(i)
        out.append(fetch(state))
    return out


def posts(items):
    return [save(item) for item in items]


def joined(ids):
    return ", ".join(fetch(i)["name"] for i in ids)


def lazy(ids):
    return next(fetch(i) for i in ids)


def sleeps(delays):
    return [time.sleep(d) for d in delays]


def nested(groups):
    out = []
    for group in groups:
        for i in group:
            out.append(fetch(i))
    return out


def while_loop(cursor):
    out = []
    while cursor:
        page = fetch(cursor)
        out.append(page)
        cursor = page["next"]
    return out


def typed(ids: "List[int]"):
    return [fetch(i) for i in ids]


def dict_comp(ids: list):
    return {i: fetch(i) for i in ids}


def attr_target(ids):
    for self.i in ids:
        fetch(self.i)


def pairs_of_tuple(ids: tuple[int, ...]):
    return [(i, fetch(i)) for i in ids]


def pairs_of_collection(ids: Collection[int]):
    return [(i, fetch(i)) for i in ids]


def pairs_of_anything(ids):
    return [(i, fetch(i)) for i in ids]


def posts_mapped(items):
    return list(map(save, items))


def pairs_of_keys(by_id):
    return [(k, fetch(k)) for k in by_id.keys()]


def pairs_of_counted(counter):
    return [(i, fetch(i)) for i in range(next(counter))]


def second_in_if(ids):
    out = []
    for i in ids:
        item = fetch(i)
        if item:
            item["more"] = fetch(-i)
        out.append(item)
    return out


def second_needs_counter(ids):
    out = []
    n = 0
    for i in ids:
        item = fetch(i)
        n += 1
        extra = fetch(n)
        out.append((item, extra))
    return out


def skipped_counted(ids):
    out = []
    skipped = 0
    for i in ids:
        if not i:
            skipped += 1
            continue
        out.append(fetch(i))
    return out, skipped
"""

DECISIONS = {
    "only_some": (False, "the fetch runs only for some items (inside an if, line 20)"),
    "in_finally": (False, "the first fetch is in an except or finally clause"),
    "shared_line": (True, "runs the loop's body (fetch) in fetch_one()"),
    # Skipped by a test of the item alone: the items kept are listed first.
    "skipped": (True, "the items skipped before the fetch (not i) are left out first"),
    "skipped_counted": (False, "some items are skipped before the fetch (continue, line 188)"),
    "stops": (False, "the loop can stop early (break, line 56)"),
    "returns": (False, "the loop can return early (line 64)"),
    "raises": (False, "the loop can stop with raise (line 73)"),
    "yields": (False, "the loop yields per item"),
    "changes_before": (
        False,
        "fetch reads state, which the loop body may change before it (line 86)",
    ),
    "posts": (False, "POST requests whose order the upstream may observe"),
    "joined": (True, "one fetch per item of ids: run together"),
    "lazy": (False, "next() stops at the first item that decides it"),
    "sleeps": (False, "the items are paced with sleep"),
    "nested": (True, "one fetch per item of group, for each item of groups: all fetched together"),
    "while_loop": (False, "each request needs cursor from the one before it"),
    "typed": (True, "one fetch per item of ids: run together"),
    "dict_comp": (True, "one fetch per item of ids: run together"),
    "attr_target": (False, "the loop target is not a plain name"),
    # The items are read twice (for the pairs): a collection is, an unknown
    # iterable might be a generator.
    "pairs_of_tuple": (True, "one fetch per item of ids: run together"),
    "pairs_of_collection": (True, "one fetch per item of ids: run together"),
    # Read once into a list first (``ids = list(ids)``), as a loop over it would be.
    "pairs_of_anything": (True, "one fetch per item of ids: run together"),
    "pairs_of_keys": (True, "one fetch per item of by_id.keys(): run together"),
    # A second range(next(counter)) would count from the next value: read once, a list.
    "pairs_of_counted": (True, "one fetch per item of range(next(counter)): run together"),
    # Both fetches of an item run in turn, the items together.
    "second_in_if": (True, "runs the loop's body (fetch) in fetch_one()"),
    "second_needs_counter": (
        True,
        "; fetch stays in the loop: it needs n, set before it in the loop (line 176)",
    ),
    "posts_mapped": (
        False,
        "POST requests whose order the upstream may observe (--allow-reorder to run them together)",
    ),
}


@pytest.fixture(scope=shared)
def spots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Spot]:
    folder = tmp_path_factory.mktemp("fan_outs")
    (folder / "shapes.py").write_text(SOURCE)
    found = analyse_paths([folder], jobs=1).spots
    return {spot.function.rsplit(".", 1)[-1]: spot for spot in found}


def test_every_shape_is_a_spot(spots: dict[str, Spot]) -> None:
    assert set(spots) == set(DECISIONS)


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_decision_and_reason(spots: dict[str, Spot], name: str) -> None:
    safe, reason = DECISIONS[name]
    spot = spots[name]
    assert spot.safe is safe, spot.reason
    assert reason in spot.reason
    assert spot.reason.startswith("kept sequential: ") is not safe
    if safe:
        assert spot.edit is not None
    assert spot.bounded is safe  # every safe one here runs over user-sized data


THREADS = """\
import threading

import requests

results = {}


def fetch(i):
    results[i] = requests.get(f"http://api/{i}").json()


def fetch_all(ids):
    threads = [threading.Thread(target=fetch, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def fetch_all_then_check(ids):
    threads = [threading.Thread(target=fetch, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alive = [t for t in threads if t.is_alive()]
    return results, alive
"""


def test_threads_read_after_their_join_stay_threads(tmp_path: Path) -> None:
    # Once the threads go, a later `threads` would name nothing: only a list
    # of threads read nowhere else becomes a gather.
    (tmp_path / "workers.py").write_text(THREADS)
    found = {s.function.rsplit(".", 1)[-1]: s for s in analyse_paths([tmp_path], jobs=1).spots}
    assert set(found) == {"fetch_all"}
    assert found["fetch_all"].kind == "thread-workers" and found["fetch_all"].safe
