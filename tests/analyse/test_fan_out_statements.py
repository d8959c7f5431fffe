"""What a call's own statement does before it counts, as the statements before it do.

A gather runs each call before its statement: ``(pager.advance(), get(pager.page))``
would read the page before it moves, and ``(log.append(x), get(y))`` would not have
logged when ``get(y)`` fails.
"""

from __future__ import annotations

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
import requests


def get(i):
    return requests.get(f"http://api/{i}").json()


class Pager:
    def __init__(self):
        self.page = 1

    def advance(self):
        self.page += 1
        return self.page


def calls_after(pager):
    first = get(1)
    second = (pager.advance(), get(pager.page))
    return first, second


def calls_first(pager):
    first = (pager.advance(), get(pager.page))
    second = get(1)
    return first, second


def calls_log_before(log):
    first = get(1)
    second = (log.append(first), get(2))
    return second


def calls_log_after(log):
    first = get(1)
    second = log.append(get(2))
    return first, second


def comp_advances(pager, ids):
    return [(pager.advance(), get(pager.page)) for i in ids]


def comp_logs(log, ids):
    return [log.append(get(i)) for i in ids]


def comp_pure(ids):
    return [str(get(i)) for i in ids]


def loop_advances(pager, ids):
    out = []
    for i in ids:
        out.append((pager.advance(), get(pager.page)))
    return out
"""

READS_BEFORE = (
    "kept in order: get reads pager.page, which pager.advance() changes before it in the"
    " same statement (line {line}); computing it in a statement of its own, before the"
    " calls, would let them run together"
)


@pytest.fixture(scope=shared)
def spots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Spot]:
    folder = tmp_path_factory.mktemp("statements")
    (folder / "shapes.py").write_text(SOURCE)
    found = analyse_paths([folder], jobs=1).spots
    return {s.function.rsplit(".", 1)[-1]: s for s in found}


@pytest.mark.parametrize(("function", "line"), [("calls_after", 19), ("calls_first", 24)])
def test_a_call_reading_what_its_statement_changes_first_keeps_its_place(
    spots: dict[str, Spot], function: str, line: int
) -> None:
    spot = spots[function]
    assert spot.safe is False and spot.edit is None
    assert spot.reason == READS_BEFORE.format(line=line)


def test_an_effect_before_the_call_in_its_statement_is_kept_before_a_failure(
    spots: dict[str, Spot],
) -> None:
    spot = spots["calls_log_before"]
    assert spot.safe is True and spot.edit is not None and spot.edit.outcomes
    assert spot.reason.endswith("(it calls log.append, which may change what others see)")


def test_an_effect_after_the_call_in_its_statement_needs_no_outcomes(
    spots: dict[str, Spot],
) -> None:
    spot = spots["calls_log_after"]
    assert spot.safe is True and spot.edit is not None and not spot.edit.outcomes


def test_a_comprehension_whose_element_changes_what_the_fetch_reads_stays_in_order(
    spots: dict[str, Spot],
) -> None:
    spot = spots["comp_advances"]
    assert spot.safe is False
    assert spot.reason == (
        "kept sequential: get reads pager.page, which pager.advance() changes for each item:"
        " run together, every call would read it before any change; computing it from the"
        " item alone would make it safe"
    )


def test_a_comprehension_with_effects_per_item_stays_in_order(spots: dict[str, Spot]) -> None:
    spot = spots["comp_logs"]
    assert spot.safe is False
    assert spot.reason == (
        "kept sequential: building each item has effects the legacy code had for the items"
        " before a failing get (it calls log.append, which may change what others see); as"
        " a for loop, the fetches could run together and the effects stay in order"
    )


def test_a_comprehension_calling_a_function_of_the_result_runs_together(
    spots: dict[str, Spot],
) -> None:
    assert spots["comp_pure"].safe is True


def test_a_loop_says_the_change_is_in_the_fetch_s_own_statement(
    spots: dict[str, Spot],
) -> None:
    spot = spots["loop_advances"]
    assert spot.safe is False
    assert spot.reason.startswith(
        "kept sequential: get reads pager.page, which pager.advance() changes before it in"
        " the same statement (line 56)"
    )
