"""A descriptor's ``instance`` is one of the classes holding it in their bodies
(migrate/analyse/descriptors.py): what ``__get__`` sends through it is that
class's client, which then has a sync user the plan names."""

from __future__ import annotations

from pathlib import Path

from migrate.analyse.run import analyse_paths

CASES = Path(__file__).parents[1] / "rewrite" / "cases" / "async-propagation"


def test_a_descriptor_sending_keeps_its_owners_client() -> None:
    plan = analyse_paths([CASES / "descriptor-session-kept" / "input"], jobs=1)
    assert not plan.colouring.async_functions
    reasons = [r.reason for r in plan.colouring.review if r.function.endswith("__get__")]
    assert any("stays on requests: __get__ stays sync" in r for r in reasons), reasons


def test_a_descriptor_calling_a_method_waits_for_it() -> None:
    plan = analyse_paths([CASES / "descriptor-fetches" / "input"], jobs=1)
    bridges = [(b.function, b.callee) for b in plan.colouring.bridges]
    assert ("catalog.client.Remote.__get__", "catalog.client.Shop.fetch") in bridges
