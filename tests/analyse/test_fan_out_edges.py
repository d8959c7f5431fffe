"""Fan-out decisions at edges the refusal and decision tables don't reach.

A method that changes the object it is called on, ``any()`` inside a larger
return expression, a call after a ``try`` that must wait for the item's
failure to be handled, the names the gathered results get, futures of a
thread pool, and how many items the plan counts.
"""

from __future__ import annotations

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
from concurrent.futures import ThreadPoolExecutor

import requests

BASE = "http://api"


def fetch(i):
    return requests.get(f"{BASE}/{i}").json()


def extra(i):
    return requests.get(f"{BASE}/extra/{i}").json()


class Page:
    def load(self, i):
        self.data = requests.get(f"{BASE}/{i}").json()
        return self.data


def load_all(page: Page, ids):
    out = []
    for i in ids:
        out.append(page.load(i))
    return out


def paced(func):
    def wrapper(self, i):
        self.last = i
        return func(self, i)

    return wrapper


class Client:
    @paced
    def item(self, i):
        return requests.get(f"{BASE}/{i}").json()


class Catalogue:
    def __init__(self):
        self.client = Client()

    def title(self, i):
        return self.client.item(i)["title"]


def titles_through_a_wrapper(catalogue: Catalogue, ids):
    return [catalogue.title(i) for i in ids]


class Record:
    def __init__(self, i):
        self.i = i
        self.data = fetch(i)


def records_made(ids):
    return [Record(i) for i in ids]


def any_in_expression(ids):
    return 1 if any(fetch(i) for i in ids) else 0


def extra_after_try(ids):
    out = []
    for i in ids:
        try:
            item = fetch(i)
        except requests.HTTPError:
            item = None
        out.append(item)
        extra(i)
    return out


def status_per_item(ids):
    out = []
    for i in ids:
        status = fetch(i)
        out.append(status["code"])
        out.append(status["name"])
    return out


def entry_per_item(ids):
    out = []
    for i in ids:
        entry = fetch(i)
        out.append(entry["code"])
        out.append(entry["name"])
    return out


def pooled(ids):
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(fetch, i) for i in ids]
        return [f.result() for f in futures]


def saved_with_request(items):
    for item in items:
        requests.request("POST", f"{BASE}/items", json=item)


def picked_from_a_literal():
    ids = [1, 2, 3]
    picked = ids
    out = []
    for i in picked:
        out.append(fetch(i))
    return out


def over_a_fetched_list():
    return [extra(i) for i in fetch("index")["ids"]]


def fields_of_a_fetched_list():
    return [item["title"] for item in fetch("items")]


class Member:
    def __init__(self, data):
        self.data = data

    @classmethod
    def from_id(cls, i):
        return cls(fetch(i))


def members(ids):
    return {i: Member.from_id(i).data for i in ids}
"""


@pytest.fixture(scope=shared)
def spots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Spot]:
    folder = tmp_path_factory.mktemp("edges")
    (folder / "shapes.py").write_text(SOURCE)
    found = analyse_paths([folder], jobs=1).spots
    by_function = {s.function.rsplit(".", 1)[-1]: s for s in found}
    assert len(by_function) == len(found)
    return by_function


def test_a_method_that_changes_its_receiver_keeps_its_calls_in_order(
    spots: dict[str, Spot],
) -> None:
    spot = spots["load_all"]
    assert spot.safe is False and spot.edit is None
    assert spot.reason == (
        "kept sequential: each load changes page.data: run together, the calls would"
        " change it in the order they finish and could see each other's changes; moving"
        " the change out of load into the loop would let them run together"
    )


def test_a_class_method_making_an_instance_changes_no_receiver(
    spots: dict[str, Spot],
) -> None:
    """``cls(fetch(i))`` sets ``data`` on the instance it makes, not on ``Member``."""
    spot = spots["members"]
    assert spot.safe is True, spot.reason


def test_a_change_made_by_a_wrapper_of_a_held_object_keeps_the_calls_in_order(
    spots: dict[str, Spot],
) -> None:
    """``title`` calls ``self.client.item``, whose decorator's wrapper notes the last
    item on the client (a rate limit's clock): the catalogue's client changes."""
    spot = spots["titles_through_a_wrapper"]
    assert spot.safe is False and spot.edit is None
    assert spot.reason.startswith(
        "kept sequential: each title changes catalogue.client.last: run together"
    )


def test_a_constructor_changes_only_the_instance_it_makes(spots: dict[str, Spot]) -> None:
    spot = spots["records_made"]
    assert spot.safe is True and spot.edit is not None


def test_any_inside_a_larger_return_expression_stays_lazy(spots: dict[str, Spot]) -> None:
    spot = spots["any_in_expression"]
    # A loop before the return decides it, stopping where any() stopped.
    assert spot.safe is False and spot.edit is not None
    assert spot.edit.form == "early-exit" and spot.edit.names == ("any", "found")
    assert spot.edit.hoist is not None and spot.edit.hoist.line == spot.span.line
    assert spot.reason == (
        "kept sequential: early exit: any() stops at the first item that decides it: the"
        " legacy code fetched fewer items"
    )


def test_a_call_after_the_try_waits_for_the_items_failure_to_be_handled(
    spots: dict[str, Spot],
) -> None:
    spot = spots["extra_after_try"]
    assert spot.safe is True and spot.edit is not None
    assert spot.reason.endswith(
        "; extra stays in the loop: it runs after the try, once the item's failure, if"
        " any, was handled"
    )


@pytest.mark.parametrize(
    ("function", "value", "results"),
    [("status_per_item", "status", "results"), ("entry_per_item", "entry", "entries")],
)
def test_the_gathered_results_are_named_after_one_result(
    spots: dict[str, Spot], function: str, value: str, results: str
) -> None:
    edit = spots[function].edit
    assert edit is not None
    assert edit.names == (value,)
    # A name that already ends in s gets no second one.
    assert edit.results == results


def test_futures_of_a_pool_become_one_gather_and_the_plan_names_the_items(
    spots: dict[str, Spot],
) -> None:
    spot = spots["pooled"]
    assert spot.safe is True and spot.kind == "executor-submit"
    assert spot.reason == (
        "one fetch per item of ids: run together, at most 4 (the pool's max_workers;"
        " --max-concurrency if lower) at a time, results in order; the thread pool is no"
        " longer needed"
    )


def test_items_bound_through_another_name_are_still_counted(spots: dict[str, Spot]) -> None:
    # ids = [1, 2, 3]; picked = ids: the plan's expected gain needs the count.
    assert spots["picked_from_a_literal"].items == 3


def test_a_write_named_as_request_s_first_argument_keeps_its_order(
    spots: dict[str, Spot],
) -> None:
    # requests.request("POST", ...): the method is the call's, not the catalogue's "REQUEST".
    spot = spots["saved_with_request"]
    assert spot.safe is False and spot.edit is None
    assert spot.reason == (
        "kept sequential: POST requests whose order the upstream may observe"
        " (--allow-reorder runs them together when they are independent)"
    )


def test_items_fetched_once_before_a_comprehension_are_no_fan_out_of_their_own(
    spots: dict[str, Spot],
) -> None:
    # The first ``for``'s items are evaluated once: the element's calls fan out.
    assert spots["over_a_fetched_list"].safe is True
    assert spots["over_a_fetched_list"].calls == ("shapes.extra",)
    assert "fields_of_a_fetched_list" not in spots
