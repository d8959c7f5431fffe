"""The ``migrate`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .analyse.colour import Scope
from .analyse.run import analyse_paths
from .plan import build_plan
from .plan.render import render_plan


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migrate")
def main() -> None:
    """Migrate a synchronous Python codebase to asyncio, one safe step at a time.

    \b
    migrate plan PATH...     what must change, in what order, and why
    migrate apply PATH...    carry out the plan in place (or --diff / --check)
    migrate compare          run before/after app versions side by side
    """


def _check_paths(paths: tuple[Path, ...]) -> None:
    for path in paths:
        if not path.exists():
            raise click.UsageError(f"{path}: no such file or directory")


scope_options = [
    click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
    click.option(
        "--exclude",
        "exclude_paths",
        multiple=True,
        metavar="GLOB",
        help="Skip files or folders matching GLOB (on top of .venv, build, site-packages...).",
    ),
    click.option(
        "--select",
        "select_names",
        multiple=True,
        metavar="NAME",
        help="Migrate only these modules/functions (qualified names, globs allowed).",
    ),
    click.option(
        "--exclude-name",
        "exclude_names",
        multiple=True,
        metavar="NAME",
        help="Keep these modules/functions sync (qualified names, globs allowed).",
    ),
    click.option(
        "--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Worker processes."
    ),
    click.option(
        "--allow-reorder",
        is_flag=True,
        help="Also run non-idempotent requests (POST, PUT, PATCH, DELETE) concurrently.",
    ),
]


def with_scope_options(func):  # type: ignore[no-untyped-def]
    for option in reversed(scope_options):
        func = option(func)
    return func


@main.command()
@with_scope_options
@click.option(
    "--json", "as_json", is_flag=True, help="Print the plan as JSON (docs/plan-schema.md)."
)
def plan(
    paths: tuple[Path, ...],
    exclude_paths: tuple[str, ...],
    select_names: tuple[str, ...],
    exclude_names: tuple[str, ...],
    jobs: int | None,
    allow_reorder: bool,
    as_json: bool,
) -> None:
    """Show what must change to make PATHS async, in what order, and why."""
    _check_paths(paths)
    analysis = analyse_paths(
        paths,
        excludes=exclude_paths,
        scope=Scope(select=select_names, exclude=exclude_names),
        jobs=jobs,
        allow_reorder=allow_reorder,
    )
    the_plan = build_plan(
        analysis,
        {
            "select": list(select_names),
            "exclude_names": list(exclude_names),
            "allow_reorder": allow_reorder,
        },
    )
    if as_json:
        json.dump(the_plan.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        render_plan(the_plan, Console())


@main.command()
@click.option("--latency", default=0.3, show_default=True, help="Upstream latency in seconds.")
def demo(latency: float) -> None:
    """Run the built-in sample app against its upstream services and measure it."""
    from .demo import run_demo

    run_demo(latency=latency)
