"""The ``migrate`` command line."""

from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migrate")
def main() -> None:
    """Migrate a synchronous Python codebase to asyncio, one safe step at a time.

    \b
    migrate plan PATH...     what must change, in what order, and why
    migrate apply PATH...    carry out the plan in place (or --diff / --check)
    migrate compare          run before/after app versions side by side
    """


@main.command()
@click.option("--latency", default=0.3, show_default=True, help="Upstream latency in seconds.")
def demo(latency: float) -> None:
    """Run the built-in sample app against its upstream services and measure it."""
    from .demo import run_demo

    run_demo(latency=latency)
