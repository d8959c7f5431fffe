"""``migrate compare``: both app versions, the same scenarios, side by side.

Order of work: start the upstreams (for the sample) and both servers; replay
every scenario once per version (the answers are diffed, the upstream calls
recorded for the waterfall) and time it a few more times; run the load;
stop the servers and read their stderr; diff the source behind each
endpoint. The versions are measured one after the other, never at the same
time, so that neither slows the other down.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule

from .load import LatencyStats, run_load
from .model import CompareOptions, CompareResult, EndpointResult
from .replay import Exchange, diff_exchanges, send
from .report_html import write_report
from .runner import AppProcess
from .scenario import Scenario, ScenarioFile, load_scenarios
from .sourcediff import endpoint_diff

if TYPE_CHECKING:  # the sample's upstreams: only in the repository, not in the wheel
    from sample_upstreams import UpstreamCluster

#: The sample's slow upstreams: the ones whose sequential calls the migration overlaps.
SLOW_SERVICES = ("weather", "events", "rates", "social")
#: Latency of the other sample upstreams (payments, inventory, jobs, search, catalog).
FAST_LATENCY = 0.02


def run_compare(options: CompareOptions, console: Console | None = None) -> CompareResult:
    """Run the comparison; progress goes to ``console`` when it is a terminal."""
    console = console or Console(stderr=True)
    scenario_file = load_scenarios(options.scenarios)
    result = CompareResult(options=options, upstreams_started=options.starts_upstreams)
    scenarios = scenario_file.scenarios
    safe = [s for s in scenarios if s.safe]
    # Per version: start, warm-up, each scenario, each repeat, the load run.
    versions = options.versions
    steps = len(versions) * (3 + len(scenarios) + len(safe) * (options.repeat - 1))
    progress = Progress(
        TextColumn("{task.description:<36}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with (
        tempfile.TemporaryDirectory(prefix="migrate-compare-") as tmp,
        _upstreams(options) as cluster,
        progress,
    ):
        task = progress.add_task("starting servers", total=steps)
        base = dict(options.config or {})
        if cluster is not None:
            base = {**cluster.app_config(), **base}
        apps = {
            version: AppProcess(
                label=version,
                import_path=getattr(options, version),
                config={"DATABASE": str(Path(tmp) / f"{version}.sqlite3"), **base},
                threads=options.threads,
            )
            for version in versions
        }
        try:
            for app in apps.values():
                app.start()
            for app in apps.values():
                app.wait_ready()
                progress.advance(task)
            answers: dict[str, list[Exchange]] = {}
            timings: dict[str, list[list[float]]] = {}
            for version, app in apps.items():
                progress.update(task, description=f"replaying scenarios: {version}")
                answers[version], timings[version] = _replay(
                    app, scenario_file, options.repeat, cluster, lambda: progress.advance(task)
                )
            for version, app in apps.items():
                if options.requests <= 0:
                    progress.advance(task)
                    continue
                progress.update(task, description=f"load, {options.clients} clients: {version}")
                if cluster is not None:
                    cluster.reset()
                expected = {s.name: a.status for s, a in zip(scenarios, answers[version])}
                result.load[version] = run_load(
                    app.url,
                    safe,
                    expected,
                    clients=options.clients,
                    requests=options.requests,
                    duration=options.duration,
                )
                progress.advance(task)
        finally:
            for app in apps.values():
                app.stop()
        result.problems = {version: app.problems() for version, app in apps.items()}
        result.roots = {version: str(app.root) for version, app in apps.items()}

    for index, scenario in enumerate(scenarios):
        before, after = answers["before"][index], answers["after"][index]
        final = answers["final"][index] if "final" in answers else None
        endpoint = EndpointResult(
            scenario=scenario,
            before=before,
            after=after,
            differences=diff_exchanges(
                before, after, scenario.ignore, scenario_file.ignore_headers
            ),
            before_latency=LatencyStats(tuple(timings["before"][index])),
            after_latency=LatencyStats(tuple(timings["after"][index])),
        )
        if final is not None:
            endpoint.final = final
            endpoint.final_latency = LatencyStats(tuple(timings["final"][index]))
            endpoint.final_differences = diff_exchanges(
                before, final, scenario.ignore, scenario_file.ignore_headers
            )
        _attach_source(endpoint, apps["before"], apps["after"])
        result.endpoints.append(endpoint)

    if options.report is not None:
        result.report_path = write_report(result, options.report)
    return result


@contextlib.contextmanager
def _upstreams(options: CompareOptions) -> Iterator[UpstreamCluster | None]:
    if not options.starts_upstreams:
        yield None
        return
    from sample_upstreams import UpstreamCluster

    latencies = {name: options.latency for name in SLOW_SERVICES}
    with UpstreamCluster(latency=FAST_LATENCY, latencies=latencies) as cluster:
        yield cluster


def _replay(
    app: AppProcess,
    scenario_file: ScenarioFile,
    repeat: int,
    cluster: UpstreamCluster | None,
    step: Any,
) -> tuple[list[Exchange], list[list[float]]]:
    """Every scenario once (recorded), then safe ones ``repeat - 1`` more times (timed)."""
    if cluster is not None:
        cluster.reset()  # restocked inventory, fresh jobs: both versions see the same world
    log = cluster.log if cluster is not None else None
    scenarios = scenario_file.scenarios
    with httpx.Client(base_url=app.url, timeout=60) as client:
        warm = next((s for s in scenarios if s.safe), None)
        if warm is not None:
            # The first request pays for imports and new connections; it is not measured.
            send(client, warm)
        step()
        answers = []
        for scenario in scenarios:
            answers.append(send(client, scenario, log))
            step()
        timings = [[a.elapsed] for a in answers]
        for _ in range(repeat - 1):
            for index, scenario in enumerate(scenarios):
                if scenario.safe:
                    timings[index].append(send(client, scenario).elapsed)
                    step()
    return answers, timings


def _view_for(app: AppProcess, scenario: Scenario) -> tuple[str, str] | None:
    rules = [Rule(v["rule"], endpoint=i, methods=v["methods"]) for i, v in enumerate(app.views)]
    adapter = Map(rules).bind("localhost")
    try:
        index, _ = adapter.match(urlsplit(scenario.path).path, scenario.method)
    except HTTPException:
        return None
    view = app.views[int(index)]
    return view["module"], view["qualname"]


def _attach_source(endpoint: EndpointResult, before: AppProcess, after: AppProcess) -> None:
    old, new = _view_for(before, endpoint.scenario), _view_for(after, endpoint.scenario)
    if old is None or new is None or before.root is None or after.root is None:
        return
    endpoint.before_view = ":".join(old)
    endpoint.after_view = ":".join(new)
    endpoint.source = endpoint_diff(
        before.root, before.package, old, after.root, after.package, new
    )
