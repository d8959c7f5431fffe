"""``worker = partial(f, a)`` right before ``pool.map(worker, xs)`` is the fan-out
``pool.map(partial(f, a), xs)`` is: a gather, with no plan item, where the
holder becomes async. Bound elsewhere or read again, the local is a value
handed to partial(), as before (a review item in async code)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

SOURCE = """\
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests


def save(kind, row, wait=False):
    return requests.post(f"http://api/{kind}", json=row).json()


def now(kind, rows):
    return [save(kind, row) for row in rows]


def right_before(kind, rows):
    now(kind, rows[:1])
    with ThreadPoolExecutor(max_workers=4) as pool:
        worker = partial(save, kind, wait=True)
        return list(pool.map(worker, rows))


def read_again(kind, rows):
    now(kind, rows[:1])
    with ThreadPoolExecutor(max_workers=4) as pool:
        worker = partial(save, kind, wait=True)
        worker(rows[0])
        return list(pool.map(worker, rows))
"""


def test_a_partial_bound_right_before_a_pool_map_is_its_fan_out(tmp_path: Path) -> None:
    (tmp_path / "rows.py").write_text(textwrap.dedent(SOURCE))
    analysis = analyse_paths([tmp_path], jobs=1)
    gathered = {s.function.rsplit(".", 1)[-1] for s in analysis.spots if s.safe}
    reviewed = {r.function.rsplit(".", 1)[-1] for r in analysis.colouring.review}
    assert "right_before" in gathered
    assert "right_before" not in reviewed
    assert "read_again" in reviewed  # handed to partial() from async code
