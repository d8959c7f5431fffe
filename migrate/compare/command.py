"""``migrate compare`` and ``migrate demo``: the commands that run app versions.

Kept apart from :mod:`migrate.cli` because they need the servers of the
``compare`` extra (and the demo, this repository's sample); everything they
import is imported when they run, so ``migrate plan`` and ``apply`` never pay
for it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


@click.command(short_help="Run the before and after app versions side by side.")
@click.option(
    "--before",
    default="sample_legacy_app:create_app",
    show_default=True,
    metavar="IMPORT_PATH",
    help="App factory of the version before the migration.",
)
@click.option(
    "--after",
    default="sample_migrated_app:create_app",
    show_default=True,
    metavar="IMPORT_PATH",
    help="App factory of the migrated version.",
)
@click.option(
    "--final",
    default=None,
    metavar="IMPORT_PATH",
    help="A third version beside them, e.g. sample_quart_app:create_app (the Quart stage);"
    " an ASGI app runs under hypercorn.",
)
@click.option(
    "--scenarios",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Scenario file (JSON); default: the built-in sample app scenarios.",
)
@click.option(
    "--config",
    "config_items",
    multiple=True,
    metavar="KEY=VALUE",
    help="App config for both versions (e.g. upstream URLs); repeatable.",
)
@click.option(
    "--sample-upstreams/--no-sample-upstreams",
    default=None,
    help="Start the sample upstream services [default: when --before is the sample"
    " and no --config is given].",
)
@click.option(
    "--latency",
    type=click.FloatRange(0, 10),
    default=0.3,
    show_default=True,
    help="Latency of the slow sample upstreams (weather, events, rates, social), seconds.",
)
@click.option(
    "--repeat",
    type=click.IntRange(1, 1000),
    default=5,
    show_default=True,
    help="Timed requests per GET scenario, one at a time.",
)
@click.option(
    "--clients", type=click.IntRange(1, 256), default=8, show_default=True, help="Load clients."
)
@click.option(
    "--requests",
    "request_count",
    type=click.IntRange(0, 100_000),
    default=200,
    show_default=True,
    help="Most requests per version under load (0: no load run).",
)
@click.option(
    "--duration",
    type=click.FloatRange(0.1, 3600),
    default=10.0,
    show_default=True,
    help="Most seconds per version under load.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@click.option(
    "--report",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("build/compare/report.html"),
    show_default=True,
    help="Where to write the HTML report.",
)
def compare(
    before: str,
    after: str,
    final: str | None,
    scenarios: Path | None,
    config_items: tuple[str, ...],
    sample_upstreams: bool | None,
    latency: float,
    repeat: int,
    clients: int,
    request_count: int,
    duration: float,
    as_json: bool,
    report: Path,
) -> None:
    """Run the before and after app versions side by side and compare them.

    Each version runs in its own process, a WSGI app under waitress, an ASGI
    app (Quart) under hypercorn; --final adds a third. Every scenario is
    replayed against each; status, headers and bodies are diffed against the
    before version, latency is measured one request at a time and under load. Exit status 1 when
    anything differs, a request fails under load, or a server prints a
    warning or traceback; 2 when the comparison cannot run.
    """
    from rich.console import Console

    from ..sample import NO_SAMPLE, import_sample, uses_sample

    err = Console(stderr=True)
    try:
        from .model import CompareOptions
        from .render import render_result
        from .run import run_compare
        from .runner import ServerError
        from .scenario import ScenarioError
    except ImportError as exc:
        err.print(
            f"migrate compare needs {exc.name}: pip install 'migrate[compare]'",
            soft_wrap=True,
            highlight=False,
        )
        sys.exit(2)
    if uses_sample(before, after, *([final] if final else [])) and not import_sample():
        err.print(NO_SAMPLE, soft_wrap=True, highlight=False)
        sys.exit(2)
    options = CompareOptions(
        before=before,
        after=after,
        final=final,
        scenarios=scenarios,
        config=_parse_config(config_items),
        sample_upstreams=sample_upstreams,
        latency=latency,
        repeat=repeat,
        clients=clients,
        requests=request_count,
        duration=duration,
        report=report,
    )
    try:
        result = run_compare(options, console=err)
    except ScenarioError as exc:
        raise click.UsageError(str(exc)) from None
    except ServerError as exc:
        err.print(f"[red]error:[/] {exc}", soft_wrap=True, highlight=False)
        sys.exit(2)
    if as_json:
        json.dump(result.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        render_result(result, Console())
    if not result.ok:
        sys.exit(1)


@click.command(short_help="Plan, migrate and compare the sample app under build/demo.")
@click.option(
    "--latency",
    type=click.FloatRange(0, 10),
    default=0.3,
    show_default=True,
    help="Latency of the slow sample upstreams, seconds.",
)
def demo(latency: float) -> None:
    """Plan the sample app, migrate a copy under build/demo, compare the two."""
    from rich.console import Console

    from ..sample import import_sample

    if not import_sample():
        Console(stderr=True).print(
            "migrate demo runs the built-in sample, which is only in the migrate repository",
            soft_wrap=True,
        )
        sys.exit(2)
    from ..demo import run_demo

    sys.exit(0 if run_demo(latency=latency) else 1)


def _parse_config(items: tuple[str, ...]) -> dict[str, Any] | None:
    if not items:
        return None
    config: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--config {item!r}: expected KEY=VALUE")
        try:
            config[key] = json.loads(value)  # numbers, booleans, lists
        except ValueError:
            config[key] = value
    return config
