"""Which of the responses registrations a request matches answers it, in respx.

responses answers from the earliest registration that matches and, when a
later one matches too, removes the earliest (its ``FirstMatchRegistry``): a
URL registered without a query and then with one (``/issues``, then
``/issues?page=2``, the shape of a paginated test) answers the first page
from the one without and the next from the one with the query. respx takes
the first route that matches, every time, and a route without a query
matches any query: it would answer the first page again, for ever. So within
a run of routes, one with a query (or ``params=``, ``params__eq=``) goes before a route of the
same method and URL without one.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ...nodes import code_of

RouteOf = Callable[[cst.BaseStatement], "tuple[cst.Call, cst.BaseExpression] | None"]


def queried_routes_first(
    body: list[cst.BaseStatement], route_of: RouteOf
) -> list[cst.BaseStatement]:
    """``body`` with each run of route statements ordered so that a route with a
    query comes before the same route without one."""
    out = list(body)
    start = 0
    while start < len(body):
        end = start
        while end < len(body) and route_of(body[end]) is not None:
            end += 1
        if end - start > 1:
            _order_run(body, out, start, end, route_of)
        start = end + 1
    return out


def _order_run(
    body: list[cst.BaseStatement],
    out: list[cst.BaseStatement],
    start: int,
    end: int,
    route_of: RouteOf,
) -> None:
    keys = [_key(body[i], route_of) for i in range(start, end)]
    order = list(range(end - start))
    for i, key in enumerate(keys):
        if key is None or key[1]:
            continue
        later = [j for j in range(i + 1, len(keys)) if keys[j] == (key[0], True)]
        if later:
            order.remove(i)
            order.insert(order.index(later[-1]) + 1, i)
    if order == sorted(order):
        return
    for slot, moved in enumerate(order):
        out[start + slot] = body[start + moved]  # with the comments written above it


def _key(stmt: cst.BaseStatement, route_of: RouteOf) -> tuple[str, bool] | None:
    """(router, method and URL without its query; whether it has a query)."""
    found = route_of(stmt)
    if found is None or not isinstance(found[0].func, cst.Attribute):
        return None
    route = found[0]
    url = next((a.value for a in route.args if a.keyword is None), None)
    if url is None:
        return None
    text = code_of(url)
    queried = "?" in text or any(
        a.keyword and a.keyword.value in ("params", "params__eq") for a in route.args
    )
    base = text.split("?")[0].rstrip("'\"")
    return f"{code_of(route.func)} {base}", queried
