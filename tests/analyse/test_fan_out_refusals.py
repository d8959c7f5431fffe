"""Fan-outs kept sequential, and the reason the plan gives (migrate/analyse/gathers).

Companion to ``test_fan_out_decisions.py``: loops and comprehensions whose
calls may not run together (the order is needed, fewer items might be
fetched, a write might be seen, the shape is one the analysis does not
split), each with the exact reason and the line the plan points at. A
wrong refusal costs speed; a missing one changes what the code does; a
wrong reason or line sends the reviewer to the wrong place.
"""

from __future__ import annotations

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
import threading
import time

import requests

BASE = "http://api"
lock = threading.Lock()


def fetch(i):
    return requests.get(f"{BASE}/{i}").json()


def save(item):
    return requests.post(f"{BASE}/items", json=item).json()


def log(i):
    print(i)


def ids_source():
    yield from range(3)


def inner_refused(groups):
    out = []
    for group in groups:
        for i in group:
            out.append(fetch(i))
            if len(out) > 3:
                break
    return out


def sleeps_first(ids):
    out = []
    for i in ids:
        time.sleep(0.1)
        out.append(fetch(i))
    return out


def nested_fetch(ids):
    out = []
    for i in ids:
        out.append(fetch(fetch(i)["next"]))
    return out


def fetch_then_post(ids):
    for i in ids:
        item = fetch(i)
        save(item)


def assigned_twice(ids):
    out = []
    for i in ids:
        url = f"/{i}"
        url = url + "/x"
        out.append(fetch(url))
    return out


def offset_after(ids, offset):
    out = []
    for i in ids:
        out.append(fetch(offset + i))
        offset += 1
    return out


def changes_iterated(ids):
    out = []
    for i in ids:
        out.append(fetch(i))
        ids.remove(i)
    return out


def try_logs_first(ids):
    out = []
    for i in ids:
        try:
            log(i)
            item = fetch(i)
        except ValueError:
            item = None
        out.append(item)
    return out


def try_finally(ids):
    out = []
    for i in ids:
        try:
            item = fetch(i)
        finally:
            log(i)
        out.append(item)
    return out


def under_lock(ids):
    out = []
    for i in ids:
        with lock:
            out.append(fetch(i))
    return out


def short_circuit(ids):
    out = []
    for i in ids:
        out.append(i and fetch(i))
    return out


def while_counter(n):
    out = []
    while n < 10:
        out.append(fetch(n))
        n += 1
    return out


def while_unknown(queue):
    out = []
    while queue:
        out.append(fetch(0))
    return out


def comp_fetched_items(ids):
    return [fetch(i) for i in ids if fetch(i)["ok"]]


def comp_lazy(ids):
    gen = (fetch(i) for i in ids)
    return gen


def comp_conditional(ids):
    return [fetch(i) if i else None for i in ids]


def comp_nested_fetch(ids):
    return [fetch(fetch(i)["id"]) for i in ids]


def comp_walrus(ids):
    return [(y := fetch(i))["a"] for i in ids]


def comp_writes_too(ids):
    return [(fetch(i), save(i)) for i in ids]


def comp_item_and_filter(ids):
    return [(i, fetch(i)) for i in ids if i]


def comp_item_of_generator(flag):
    return flag and [(i, fetch(i)) for i in ids_source()]
"""

DECISIONS = {
    ("inner_refused", "loop"): (
        29,
        "the loop can stop early (break, line 32): the legacy code fetched fewer items",
    ),
    ("sleeps_first", "loop"): (38, "the loop paces its requests with sleep"),
    ("fetch_then_post", "loop"): (
        52,
        "the loop also sends POST per item: a later fetch could see an earlier write"
        " (--allow-reorder if it can't)",
    ),
    ("fetch_then_post", "sequential-calls"): (54, "save needs item from fetch"),
    ("offset_after", "loop"): (
        68,
        "fetch reads offset, which the loop body may change (line 70); if that change"
        " cannot reach the fetch, move it after the loop",
    ),
    ("changes_iterated", "loop"): (76, "the loop changes ids, which it iterates over"),
    ("under_lock", "loop"): (
        107,
        "the fetch is inside a nested with statement (line 108), which the analysis does not split",
    ),
    ("while_counter", "loop"): (
        122,
        "a while loop that sets n for each request: a for loop over the items it takes"
        " would run them together",
    ),
    ("while_unknown", "loop"): (
        130,
        "a while loop: how many requests it makes depends on the answers",
    ),
    ("comp_fetched_items", "comprehension"): (
        136,
        "the items or the filter themselves are fetched per item",
    ),
    ("comp_lazy", "comprehension"): (140, "a generator consumed lazily, one item at a time"),
    ("comp_conditional", "comprehension"): (
        145,
        "the fetch runs only for some items (a conditional expression)",
    ),
    ("comp_nested_fetch", "comprehension"): (149, "fetch needs the result of fetch"),
    ("comp_walrus", "comprehension"): (153, "the comprehension assigns with :="),
    ("comp_writes_too", "comprehension"): (
        157,
        "the element also calls save, POST requests whose order the upstream may observe"
        " (--allow-reorder runs them together when they are independent)",
    ),
    ("comp_item_of_generator", "comprehension"): (
        165,
        "the element uses the item as well as the result, and ids_source() may not be"
        " iterable twice (a list would be), with nothing before it to make that list in",
    ),
}


@pytest.fixture(scope=shared)
def spots(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Spot]:
    folder = tmp_path_factory.mktemp("refusals")
    (folder / "shapes.py").write_text(SOURCE)
    found = analyse_paths([folder], jobs=1).spots
    by_shape = {(s.function.rsplit(".", 1)[-1], s.kind): s for s in found}
    assert len(by_shape) == len(found)
    return by_shape


# Shapes once kept sequential that now run together, each with how: the whole
# loop body per item (a second fetch needing the first, names computed twice,
# a try that also logs or prints) or the items picked by several clauses listed first.
TOGETHER = {
    ("nested_fetch", "loop"): "runs the loop's body (fetch) in fetch_one()",
    ("assigned_twice", "loop"): "runs the loop's body (fetch) in fetch_one()",
    ("try_logs_first", "loop"): "what the items log or print may interleave",
    ("try_finally", "loop"): "what the items log or print may interleave",
    ("short_circuit", "loop"): "runs the loop's body (fetch) in fetch_one()",
    ("comp_item_and_filter", "comprehension"): "one fetch per item of ids: run together",
}


def test_every_shape_is_a_spot(spots: dict[tuple[str, str], Spot]) -> None:
    assert set(spots) == set(DECISIONS) | set(TOGETHER)


@pytest.mark.parametrize("shape", sorted(TOGETHER), ids="/".join)
def test_runs_together_now(spots: dict[tuple[str, str], Spot], shape: tuple[str, str]) -> None:
    spot = spots[shape]
    assert spot.safe and spot.edit is not None
    assert TOGETHER[shape] in spot.reason


@pytest.mark.parametrize("shape", sorted(DECISIONS), ids="/".join)
def test_kept_sequential_with_its_reason_and_line(
    spots: dict[tuple[str, str], Spot], shape: tuple[str, str]
) -> None:
    line, reason = DECISIONS[shape]
    spot = spots[shape]
    assert spot.safe is False and spot.edit is None
    assert spot.span.line == line
    assert spot.span.end_line >= spot.span.line  # the plan shows the lines it covers
    prefix = "kept in order: " if shape[1] == "sequential-calls" else "kept sequential: "
    assert spot.reason == prefix + reason
