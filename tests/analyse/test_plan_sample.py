"""Acceptance: the plan for the built-in sample app says exactly what must change."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from scopes import shared

from migrate.analyse.run import analyse_paths
from migrate.plan import Plan, build_plan

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_legacy_app"
PKG = "sample_legacy_app"

# Route views that stay sync, and why: get_order only reads sqlite (no async
# twin), export_products hands a sync generator to stream_with_context.
SYNC_VIEWS = {"get_order", "export_products"}


@pytest.fixture(scope=shared)
def plan() -> Plan:
    return build_plan(analyse_paths([SAMPLE], jobs=1))


def _tree(rel: str) -> ast.Module:
    return ast.parse((SAMPLE / rel).read_text(encoding="utf-8"))


def route_views() -> dict[str, str]:
    """``@bp.get(...)`` / ``@bp.post(...)`` functions, by qualified name -> HTTP method."""
    views = {}
    for path in sorted((SAMPLE / "views").glob("*.py")):
        for node in _tree(f"views/{path.name}").body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and isinstance(deco.func.value, ast.Name)
                    and deco.func.value.id == "bp"
                ):
                    views[f"{PKG}.views.{path.stem}.{node.name}"] = deco.func.attr.upper()
    return views


def upstream_request_functions() -> set[str]:
    """Functions of upstream.py that call the module-global session."""
    found = set()
    for node in _tree("upstream.py").body:
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and isinstance(sub.func.value, ast.Name)
            and sub.func.value.id == "session"
            for sub in ast.walk(node)
        ):
            found.add(f"{PKG}.upstream.{node.name}")
    return found


def test_the_sample_still_has_the_shapes_this_test_reads() -> None:
    assert len(route_views()) == 9
    assert len(upstream_request_functions()) == 11


def test_every_function_that_must_become_async(plan: Plan) -> None:
    views = {v for v in route_views() if v.rsplit(".", 1)[-1] not in SYNC_VIEWS}
    assert {v.rsplit(".", 1)[-1] for v in views} == {
        "dashboard",
        "city_page",
        "weather",
        "feed",
        "create_order",
        "create_report",
        "search",
    }
    expected = (
        upstream_request_functions()
        | views
        | {f"{PKG}.upstream.retry.decorator.wrapper", f"{PKG}.views.timing.timed.wrapper"}
    )
    assert {c.function for c in plan.conversions} == expected
    kinds = {c.function: c.kind for c in plan.conversions}
    assert all(kinds[v] == "flask-view" for v in views)
    assert kinds[f"{PKG}.upstream.retry.decorator.wrapper"] == "decorator-wrapper"


def test_callees_come_before_callers(plan: Plan) -> None:
    position = {c.function: i for i, c in enumerate(plan.conversions)}
    for conversion in plan.conversions:
        for link in conversion.chain:
            if link.calls in position:
                assert position[link.calls] < position[link.function], link


def test_reasons_name_the_chain(plan: Plan) -> None:
    dashboard = next(c for c in plan.conversions if c.function.endswith(".dashboard"))
    assert [link.calls for link in dashboard.chain] == [
        f"{PKG}.upstream.fetch_weather",
        "requests.Session.get",
    ]
    assert "fetch_weather" in dashboard.reason and "Session.get" in dashboard.reason


def test_bridges(plan: Plan) -> None:
    sync_bridges = {
        (b.function, b.callee, b.kind) for b in plan.bridges if b.kind != "sync_to_async"
    }
    assert sync_bridges == {
        (f"{PKG}.db.refresh_rates_command", f"{PKG}.upstream.fetch_rates", "async_to_sync"),
        (
            f"{PKG}.views.export.export_products.generate",
            f"{PKG}.upstream.fetch_products_page",
            "async_to_sync",
        ),
    }
    click = next(b for b in plan.bridges if b.function.endswith("refresh_rates_command"))
    assert "click-command" in click.why
    export = next(b for b in plan.bridges if b.function.endswith("generate"))
    assert "stream_with_context" in export.why

    offloads = [b for b in plan.bridges if b.kind == "sync_to_async"]
    assert offloads and all(b.function == f"{PKG}.views.orders.create_order" for b in offloads)
    assert all(b.thread_sensitive for b in offloads)
    # Every db call of create_order is offloaded, at its own line.
    db_lines = _db_call_lines("views/orders.py", "create_order")
    assert sorted(b.where.line for b in offloads) == db_lines
    assert {b.callee.rsplit(".", 1)[-1] for b in offloads} == {
        "insert_order",
        "update_order",
        "load_order",
    }


def _db_call_lines(rel: str, function: str) -> list[int]:
    fn = next(n for n in _tree(rel).body if isinstance(n, ast.FunctionDef) and n.name == function)
    return sorted(
        n.lineno
        for n in ast.walk(fn)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == "db"
    )


def test_dashboard_gathers_its_three_fetches(plan: Plan) -> None:
    spots = [s for s in plan.concurrency if s.function.endswith(".dashboard.dashboard")]
    assert len(spots) == 1
    (spot,) = spots
    assert spot.safe and not spot.bounded
    assert [c.rsplit(".", 1)[-1] for c in spot.calls] == [
        "fetch_weather",
        "fetch_events",
        "fetch_rates",
    ]
    assert list(spot.lines) == [18, 19, 20]


def test_feed_keeps_the_chain_and_bounds_the_fan_out(plan: Plan) -> None:
    spots = {s.kind: s for s in plan.concurrency if s.function.endswith(".feed.feed")}
    assert set(spots) == {"sequential-calls", "loop"}
    chain = spots["sequential-calls"]
    assert not chain.safe
    assert [c.rsplit(".", 1)[-1] for c in chain.calls] == ["fetch_user", "fetch_following"]
    assert "needs user" in chain.reason
    fan_out = spots["loop"]
    assert fan_out.safe and fan_out.bounded
    assert [c.rsplit(".", 1)[-1] for c in fan_out.calls] == ["fetch_latest_post"]


def test_order_post_stays_sequential(plan: Plan) -> None:
    spots = [s for s in plan.concurrency if s.function.endswith(".create_order")]
    assert len(spots) == 1
    (spot,) = spots
    assert not spot.safe
    assert [c.rsplit(".", 1)[-1] for c in spot.calls] == ["charge_payment", "reserve_stock"]
    assert "POST" in spot.reason
    # No spot anywhere would run the two writes together.
    assert not any(
        s.safe and {"charge_payment", "reserve_stock"} & {c.rsplit(".", 1)[-1] for c in s.calls}
        for s in plan.concurrency
    )


def test_no_failures_and_nothing_to_review(plan: Plan) -> None:
    assert plan.failures == ()
    assert plan.needs_review == ()
