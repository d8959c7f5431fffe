"""The comparison as terminal tables (rich)."""

from __future__ import annotations

import math

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .load import MIN_SAMPLES, NOISE_FLOOR_S, LatencyStats
from .model import CompareResult, EndpointResult


def _latency(stats: LatencyStats) -> str:
    if not stats.samples:
        return "-"
    return f"{stats.p50 * 1000:.0f}/{stats.p95 * 1000:.0f}"


def _speedup(endpoint: EndpointResult) -> str:
    if math.isnan(endpoint.speedup):
        return "-"
    return "~" if endpoint.speedup_is_noise else f"{endpoint.speedup:.1f}x"


def _final_speedup(endpoint: EndpointResult) -> str:
    if math.isnan(endpoint.final_speedup):
        return "-"
    return "~" if endpoint.final_speedup_is_noise else f"{endpoint.final_speedup:.1f}x"


def _labels(endpoints: list[EndpointResult]) -> list[str]:
    """``METHOD /path?query``; the scenario's name too where that is not enough."""
    labels = [e.scenario.label for e in endpoints]
    return [
        f"{label} ({e.scenario.name})" if labels.count(label) > 1 else label
        for label, e in zip(labels, endpoints)
    ]


def render_result(result: CompareResult, console: Console) -> None:
    """Endpoint table, differences, load table, server problems, report path."""
    o = result.options
    where = (
        f"sample upstreams, {o.latency * 1000:.0f} ms latency"
        if result.upstreams_started
        else "upstreams from config"
    )
    versions = f"{o.before} -> {o.after}" + (f" -> {o.final}" if o.final else "")
    table = Table(
        title=f"migrate compare: {versions} ({where})",
        title_justify="left",
        caption=f"ms, p50/p95, one request at a time ({o.repeat} samples per GET);"
        f" ~: within noise (under {MIN_SAMPLES} samples, or a difference under"
        f" {NOISE_FLOOR_S * 1000:.0f} ms or under the spread of the samples)",
        caption_justify="left",
    )
    # Folded, never cut: two scenarios on one path differ in the query string.
    table.add_column("endpoint", overflow="fold")
    table.add_column("before", justify="right")
    table.add_column("after", justify="right")
    table.add_column("speed-up", justify="right")
    if o.final:
        table.add_column("final", justify="right")
        table.add_column("speed-up", justify="right")
    # Narrow figures leave the endpoint column room for a path and its query.
    table.add_column("same?", justify="center")
    for label, endpoint in zip(_labels(result.endpoints), result.endpoints):
        final = []
        if o.final:
            final_latency = endpoint.final_latency
            final = [
                _latency(final_latency) if final_latency else "-",
                _final_speedup(endpoint),
            ]
        table.add_row(
            label,
            _latency(endpoint.before_latency),
            _latency(endpoint.after_latency),
            _speedup(endpoint),
            *final,
            "[green]yes[/]" if endpoint.identical else "[bold red]NO[/]",
        )
    console.print(table)

    for endpoint in result.endpoints:
        if endpoint.identical:
            continue
        console.print(
            f"[bold red]different:[/] {endpoint.scenario.name} ({endpoint.scenario.label})",
            soft_wrap=True,
        )
        for other, differences in (
            ("after", endpoint.differences),
            ("final", endpoint.final_differences),
        ):
            for diff in differences:
                console.print(f"  {diff.where}", soft_wrap=True, highlight=False, markup=False)
                console.print(
                    f"    before: {diff.before}", soft_wrap=True, highlight=False, markup=False
                )
                console.print(
                    f"    {other + ':':<7} {diff.after}",
                    soft_wrap=True,
                    highlight=False,
                    markup=False,
                )

    if result.load:
        load = Table(
            title=f"under load: {o.clients} clients, at most {o.requests} requests or"
            f" {o.duration:g} s, GET scenarios round-robin",
            title_justify="left",
        )
        for column in ("version", "requests", "errors", "requests/s", "p50", "p95"):
            load.add_column(column, justify="left" if column == "version" else "right")
        for version, run in result.load.items():
            stats = run.stats
            load.add_row(
                version,
                str(run.sent),
                f"[red]{run.error_count}[/]" if run.error_count else "0",
                f"{run.throughput:.1f}",
                f"{stats.p50 * 1000:.0f} ms" if stats.samples else "-",
                f"{stats.p95 * 1000:.0f} ms" if stats.samples else "-",
            )
        console.print(load)
        for version, run in result.load.items():
            for error, count in run.errors.items():
                console.print(f"[red]{version} error[/] x{count}: {error}", soft_wrap=True)

    for version, lines in result.problems.items():
        for line in lines:
            console.print(
                Text.assemble((f"{version} server stderr: ", "red"), line), soft_wrap=True
            )

    if result.report_path is not None:
        console.print(f"report: {result.report_path}", soft_wrap=True, highlight=False)
    if result.ok:
        console.print("[green]same behaviour on every scenario, no errors[/]")
    else:
        console.print("[bold red]the versions differ, or a server reported problems[/]")
