"""Issue 11's corpus: every shape, legacy vs migrated, on the same loopback upstreams.

Each shape must give the same result (or the same exception) and send the same
requests. Shapes that become concurrent must have more than one request in
flight and never more than the bound; shapes that stay sequential keep their
exact request order and are in the plan with a reason. Nothing is timed here
(the speed-ups are in ``make bench``).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from sample_upstreams import UpstreamCluster

from .harness import (
    KEPT_IN_THREADS,
    NOT_YET,
    PLAN_NAMES,
    POOL_WORKERS,
    SHAPES,
    Migrated,
    Outcome,
    Shape,
    max_in_flight,
    migrate_corpus,
    run_shape,
)

HTTP_ERRORS = {"HTTPError": "HTTPStatusError"}
LIMIT = 3
LATENCY = 0.02
SLOW_LATENCY = 0.25


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Migrated]:
    yield migrate_corpus(tmp_path_factory.mktemp("fanout"), LIMIT)


def test_the_corpus_has_at_least_thirty_shapes() -> None:
    assert len(SHAPES) >= 30
    assert any(not s.concurrent for s in SHAPES)


def _params() -> list[object]:
    def marks(shape: Shape) -> list[pytest.MarkDecorator]:
        if shape.name not in NOT_YET:
            return []
        return [pytest.mark.xfail(reason=NOT_YET[shape.name], strict=True)]

    return [pytest.param(s, id=s.id, marks=marks(s)) for s in SHAPES]


def _slow(upstreams: UpstreamCluster) -> None:
    """Upstreams slow enough that a busy machine's delays don't reorder the calls."""
    upstreams.reset()
    for service in ("social", "catalog", "weather", "payments"):
        upstreams.set_latency(service, SLOW_LATENCY)


def _extra(before: Outcome, after: Outcome) -> int:
    return sum((after.requests() - before.requests()).values())


def check_shape(shape: Shape, corpus: Migrated, upstreams: UpstreamCluster) -> None:
    """Legacy and migrated ``shape`` against the same upstreams: the same result or
    exception and the same requests, concurrent within the bound or in the legacy order."""
    upstreams.reset()
    for service in ("social", "catalog", "weather", "payments"):
        upstreams.set_latency(service, LATENCY)
    before = run_shape(corpus.legacy, shape, upstreams)
    upstreams.reset()
    for service in ("social", "catalog", "weather", "payments"):
        upstreams.set_latency(service, LATENCY)
    after = run_shape(corpus.migrated, shape, upstreams)

    if before.error is not None:
        assert after.error is not None, f"legacy raised {before.error!r}, migrated did not"
        legacy_kind = type(before.error).__name__
        # requests' HTTPError is httpx's HTTPStatusError (MIG001); same status either way.
        assert type(after.error).__name__ == HTTP_ERRORS.get(legacy_kind, legacy_kind)
        if legacy_kind in HTTP_ERRORS:
            assert before.error.response.status_code == after.error.response.status_code  # type: ignore[attr-defined]
        else:
            assert str(after.error) == str(before.error)
    else:
        assert after.error is None, repr(after.error)
        assert after.value == before.value
    peak = max_in_flight(after.log)
    # A call failed in the legacy run, whether the shape caught it or not.
    failed = before.error is not None or any(e.status >= 400 for e in before.log)
    if shape.concurrent:
        if not failed:
            assert after.requests() == before.requests()
        else:
            # The failing call was in flight with others: at least what the legacy code sent,
            # and the gather stopped there: no more than the calls in flight with it and
            # those that took the places of calls ending before it.
            assert not before.requests() - after.requests()
            extra = _extra(before, after)
            if extra > 2 * LIMIT:
                _slow(upstreams)
                extra = _extra(before, run_shape(corpus.migrated, shape, upstreams))
            assert extra <= 2 * LIMIT, f"{extra} requests after the failure"
        if peak == 1:
            # On a busy machine a request may end before the next one is sent:
            # slower upstreams tell that from code that really runs them one by one.
            _slow(upstreams)
            peak = max_in_flight(run_shape(corpus.migrated, shape, upstreams).log)
        bound = min(LIMIT, POOL_WORKERS.get(shape.name, LIMIT))
        assert 1 < peak <= bound, f"peak {peak} requests in flight"
    else:
        assert after.order() == before.order()
        assert peak == 1


def test_every_shape_behaves_like_the_legacy_code(
    corpus: Migrated, upstreams: UpstreamCluster
) -> None:
    # The corpus at once, and first: ``make mutation`` runs, for a mutant of
    # the rewrite, the tests that reached it, which for a module fixture is the
    # first test to use it (the per-shape tests below say which shape broke).
    failed = {}
    for shape in SHAPES:
        try:
            check_shape(shape, corpus, upstreams)
        except AssertionError as exc:
            failed[shape.id] = str(exc).splitlines()[0]
    assert set(failed) == {s.id for s in SHAPES if s.name in NOT_YET}, failed


@pytest.mark.parametrize("shape", _params())
def test_shape_behaves_like_the_legacy_code(
    shape: Shape, corpus: Migrated, upstreams: UpstreamCluster
) -> None:
    check_shape(shape, corpus, upstreams)


@pytest.mark.parametrize("shape", [s for s in SHAPES if not s.concurrent], ids=lambda s: s.id)
def test_sequential_shape_is_in_the_plan_with_its_reason(shape: Shape, corpus: Migrated) -> None:
    name = PLAN_NAMES.get(shape.name, shape.name)
    spots = [
        s for s in corpus.plan["concurrency"] if s["function"].endswith(f"{shape.module}.{name}")
    ]
    assert spots, f"{shape.id} is not in the plan"
    assert all(not s["safe"] and s["reason"].startswith("kept") for s in spots)


@pytest.mark.parametrize("name", sorted(KEPT_IN_THREADS))
def test_futures_used_as_futures_keep_their_pool_with_the_reason(
    name: str, corpus: Migrated
) -> None:
    where = f"expressions.{PLAN_NAMES.get(name, name)}"
    spots = [s for s in corpus.plan["concurrency"] if s["function"].endswith(where)]
    assert spots, f"{name} is not in the plan"
    assert all(not s["safe"] and s["reason"].startswith("kept in threads: ") for s in spots)


def test_a_second_apply_changes_nothing(corpus: Migrated) -> None:
    migrated = corpus.root / corpus.migrated
    before = {p: p.read_bytes() for p in sorted(migrated.rglob("*.py"))}
    done = subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(corpus.root), "--max-concurrency", "3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    after = {p: p.read_bytes() for p in sorted(migrated.rglob("*.py"))}
    assert [p.name for p in after if after[p] != before.get(p)] == []


@pytest.mark.parametrize(
    "name",
    [
        "seq_next",
        "seq_next_map",
        "seq_next_iter_map",
        "seq_next_generator",
        "seq_map_iterator_next",
    ],
)
def test_next_over_fetches_is_an_early_exit_in_the_plan(name: str, corpus: Migrated) -> None:
    spots = [s for s in corpus.plan["concurrency"] if s["function"].endswith(f"sequential.{name}")]
    assert spots
    assert all(s["reason"].startswith("kept sequential: early exit: next() ") for s in spots)
