"""The ``migrate`` command line."""

from __future__ import annotations

import errno
import gc
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import __version__
from .analyse.decisions import Scope
from .analyse.run import InputError, analyse_paths
from .compare.command import compare, demo
from .plan import Plan, PlanError, build_plan, plan_options
from .rewrite.options import DEFAULT_MAX_CONCURRENCY, RewriteOptions

# libcst (and so migrate.apply and the rules) is imported inside the commands
# that rewrite: `migrate plan` never needs it, and it costs a third of a second.
# rich likewise where something is printed with it: `migrate plan --json` doesn't.


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migrate")
def main() -> None:
    """Migrate a synchronous Python codebase to asyncio, one safe step at a time.

    Start with `migrate plan PATH`, then `migrate plan PATH --steps`.
    """


def _check_paths(paths: tuple[Path, ...]) -> None:
    for path in paths:
        if path.is_symlink() and not path.exists():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                raise click.UsageError(f"{path}: symlink loop") from None
            except OSError as exc:
                reason = "symlink loop" if exc.errno == errno.ELOOP else "broken symlink"
                raise click.UsageError(f"{path}: {reason}") from None
        if not path.exists():
            raise click.UsageError(f"{path}: no such file or directory")


def _no_files(paths: tuple[Path, ...]) -> None:
    """An empty target is one line, not an empty table (nothing to do: exit 0, as ruff)."""
    from rich.console import Console

    shown = " ".join(str(p) for p in paths)
    Console(stderr=True).print(f"no Python files found in {shown}", soft_wrap=True, highlight=False)
    sys.exit(0)


def _input_error(exc: InputError) -> NoReturn:
    click.echo(f"migrate: error: {exc}", err=True)
    sys.exit(2)


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
scope_options = [
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


F = TypeVar("F", bound=Callable[..., Any])


def with_scope_options(func: F) -> F:
    for option in reversed(scope_options):
        func = option(func)
    return func


@main.command(short_help="What must change to make PATHS async, in what order, and why.")
@paths_argument
@with_scope_options
@click.option(
    "--json", "as_json", is_flag=True, help="Print the plan as JSON (docs/plan-schema.md)."
)
@click.option(
    "--steps",
    "with_steps",
    is_flag=True,
    help="Show an order of steps, one module at a time (with --verbose: and the whole plan).",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="List every item; long sections are summarised otherwise."
)
def plan(
    paths: tuple[Path, ...],
    exclude_paths: tuple[str, ...],
    select_names: tuple[str, ...],
    exclude_names: tuple[str, ...],
    jobs: int | None,
    allow_reorder: bool,
    as_json: bool,
    with_steps: bool,
    verbose: bool,
) -> None:
    """Show what must change to make PATHS async, in what order, and why."""
    if not paths:
        raise click.UsageError("give the paths of the code to plan for")
    _check_paths(paths)
    scope = Scope(select=select_names, exclude=exclude_names)
    try:
        analysis = analyse_paths(
            paths, excludes=exclude_paths, scope=scope, jobs=jobs, allow_reorder=allow_reorder
        )
    except InputError as exc:
        _input_error(exc)
    if analysis.files_total == 0 and not analysis.project.failures:
        _no_files(paths)
    the_plan = build_plan(
        analysis,
        plan_options(scope, allow_reorder),
        steps=with_steps,
        root_args=tuple(str(p) for p in paths),
    )
    if as_json:
        json.dump(the_plan.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console

        from .plan.render import render_plan

        render_plan(the_plan, Console(), verbose=verbose, steps_only=with_steps and not verbose)
    if the_plan.failures:
        # A skipped file is work the plan could not cover: not a clean run, as in apply.
        sys.exit(1)


@main.command(short_help="Rewrite PATHS in place (or show the diff, or --check).")
@paths_argument
@with_scope_options
@click.option(
    "--plan",
    "plan_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Carry out this plan (from `migrate plan --json`) instead of making one.",
)
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when changes are pending (CI, pre-commit)."
)
@click.option("--force", is_flag=True, help="Also rewrite files with uncommitted git changes.")
@click.option(
    "--partial",
    is_flag=True,
    help="Write even where the plan leaves calls of now-async functions without await,"
    " or a file cannot be rewritten (finish those by hand).",
)
@click.option(
    "--disable", "disabled", multiple=True, metavar="CODE", help="Turn a rule off (e.g. MIG005)."
)
@click.option(
    "--http-module",
    type=click.Choice(["httpx", "httpx2"]),
    default="httpx",
    show_default=True,
    help="Module the migrated code uses for HTTP.",
)
@click.option(
    "--max-concurrency",
    type=click.IntRange(1, 1000),
    default=DEFAULT_MAX_CONCURRENCY,
    show_default=True,
    help="Most calls a gather over a user-sized collection runs at once.",
)
@click.option(
    "--helpers-module",
    metavar="NAME",
    default=None,
    help="Module each package's shared helpers go in [default: [tool.migrate]"
    " helpers-module, else _async_helpers].",
)
@click.option(
    "--no-format",
    "no_format",
    is_flag=True,
    help="Do not run the project's formatter (ruff format, black) on the changed files.",
)
@click.option(
    "--to",
    "target",
    type=click.Choice(["asyncio", "quart"]),
    default="asyncio",
    show_default=True,
    help="The stage: blocking calls to asyncio, or (once views are async) Flask to Quart.",
)
def apply(
    paths: tuple[Path, ...],
    exclude_paths: tuple[str, ...],
    select_names: tuple[str, ...],
    exclude_names: tuple[str, ...],
    jobs: int | None,
    allow_reorder: bool,
    show_diff: bool,
    check: bool,
    force: bool,
    partial: bool,
    disabled: tuple[str, ...],
    http_module: str,
    max_concurrency: int,
    helpers_module: str | None,
    no_format: bool,
    plan_file: Path | None,
    target: str,
) -> None:
    """Carry out the plan: rewrite PATHS in place (or show it with --diff).

    With --plan, carry out a plan made before by `migrate plan --json`: its
    roots, scope and edits, on files that must not have changed since.
    """
    from rich.console import Console

    from .apply import apply_plan, run_apply
    from .rewrite.project_config import ConfigError
    from .rewrite.rules import BY_CODE, BY_NAME
    from .summary import print_diff, print_summary

    the_plan = None
    if plan_file is not None:
        given = [
            flag
            for flag, value in (
                ("PATHS", paths),
                ("--exclude", exclude_paths),
                ("--select", select_names),
                ("--exclude-name", exclude_names),
                ("--allow-reorder", allow_reorder),
            )
            if value
        ]
        if given:
            raise click.UsageError(f"--plan carries its own scope: drop {', '.join(given)}")
        the_plan = _read_plan(plan_file)
    elif not paths:
        raise click.UsageError("give the paths of the code to migrate (or --plan plan.json)")
    _check_paths(paths)
    unknown = [code for code in disabled if code.upper() not in BY_CODE and code not in BY_NAME]
    if unknown:
        raise click.UsageError(f"unknown rule: {', '.join(unknown)} (see docs/rules.md)")
    codes = frozenset(BY_NAME[c].code if c in BY_NAME else c.upper() for c in disabled)
    options = RewriteOptions(
        http_module=http_module,
        max_concurrency=max_concurrency,
        allow_reorder=allow_reorder,
        disabled=codes,
        target=target,
        partial=partial,
    )
    out = Console()
    err = Console(stderr=True)
    write = not (show_diff or check)
    try:
        if the_plan is not None:
            report = apply_plan(
                the_plan,
                options=replace(options, allow_reorder=bool(the_plan.options.get("allow_reorder"))),
                jobs=jobs,
                write=write,
                force=force,
                formatting=not no_format,
                helpers_module=helpers_module,
                console=err,
            )
        else:
            report = run_apply(
                paths,
                excludes=exclude_paths,
                scope=Scope(select=select_names, exclude=exclude_names),
                options=options,
                jobs=jobs,
                write=write,
                force=force,
                formatting=not no_format,
                helpers_module=helpers_module,
                console=err,
            )
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except PlanError as exc:
        err.print(f"[red]error[/] {plan_file}: {exc}", soft_wrap=True, highlight=False)
        sys.exit(2)
    except InputError as exc:
        _input_error(exc)
    if report.files_found == 0 and not report.read_failures and not report.errors:
        _no_files(paths or tuple(Path(r) for r in (the_plan.roots if the_plan else ())))
    if report.finished:
        err.print(
            f"finished the apply interrupted earlier: {len(report.finished)} files written",
            soft_wrap=True,
        )
    if report.held:
        for failure in report.read_failures:
            err.print(f"[red]skipped[/] {failure}", soft_wrap=True)
        for item in report.held:
            where = f"{item.where.path}:{item.where.line}"
            err.print(f"[red]held[/] {where}: {item.reason}", soft_wrap=True, highlight=False)
        err.print(
            "nothing written: as planned, these calls of functions that become async would"
            " not be awaited and the code would not run; do what each says, or pass"
            " --partial to write the rest and finish them by hand",
            soft_wrap=True,
        )
        sys.exit(1)
    if report.unawaited:
        for problem in report.unawaited:
            err.print(f"[red]error[/] {problem}", soft_wrap=True, highlight=False)
        err.print(
            "nothing written: the rewrite would leave these calls without await (please report it)",
            soft_wrap=True,
        )
        sys.exit(1)
    if report.refused:
        for path in report.refused:
            err.print(
                f"[red]refusing[/] {path}: uncommitted changes (commit them, or --force)",
                soft_wrap=True,
            )
        sys.exit(2)
    if show_diff and not report.withheld:
        print_diff(report, out)
    print_summary(report, err, wrote=write and not report.withheld)
    for error in report.errors:
        err.print(f"[red]error[/] {error}", soft_wrap=True, highlight=False)
    if report.withheld:
        err.print(
            "nothing written: the files above could not be rewritten, and the rest were"
            " rewritten to go with them (please report it); --partial writes the rest",
            soft_wrap=True,
        )
    if report.interrupted:
        err.print("interrupted: every file was put back as it was; nothing changed")
        sys.exit(128 + report.interrupted)
    if check and report.changed:
        sys.exit(1)
    if not report.ok:
        sys.exit(1)


@main.command(short_help="Put back the files the last apply replaced.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def undo(paths: tuple[Path, ...]) -> None:
    """Put back the files the last ``migrate apply`` on PATHS replaced.

    Give the same PATHS as to ``apply`` (default: the current folder). A
    file changed since that apply is not touched, and then none is.
    """
    from rich.console import Console

    from .apply import run_undo

    paths = paths or (Path("."),)
    _check_paths(paths)
    err = Console(stderr=True)
    report = run_undo(paths)
    for error in report.errors:
        err.print(f"[red]error[/] {error}", soft_wrap=True, highlight=False)
    for path in report.conflicts:
        err.print(
            f"[red]refusing[/] {path}: changed since the apply; nothing was put back",
            soft_wrap=True,
            highlight=False,
        )
    if report.interrupted:
        err.print("interrupted: nothing was put back")
        sys.exit(128 + report.interrupted)
    if report.nothing:
        err.print(f"nothing to undo in {' '.join(map(str, paths))}", soft_wrap=True)
        sys.exit(1)
    if report.errors or report.conflicts:
        sys.exit(1)
    err.print(f"put back {len(report.restored)} files", soft_wrap=True)


def _read_plan(path: Path) -> Plan:
    """The plan in ``path``; a file that is not one is a usage error, in one line."""
    try:
        return Plan.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise click.UsageError(f"{path}: {exc}") from None


main.add_command(compare)
main.add_command(demo)


def run() -> None:
    """The console entry point: ``main`` with a last line of defence.

    Bad input is reported by the commands themselves; anything else that
    escapes is a bug in the toolkit, shown as one line (set MIGRATE_DEBUG=1
    for the traceback) with exit status 3, never as a wall of traceback.
    """
    # A run allocates millions of small objects that live to its end; collecting
    # every 700 allocations (the default) cost a tenth of `migrate plan`'s time.
    gc.set_threshold(10_000, 20, 20)
    try:
        main(standalone_mode=True)
    except Exception as exc:
        if os.environ.get("MIGRATE_DEBUG"):
            raise
        sys.stderr.write(
            f"migrate: internal error: {type(exc).__name__}: {exc} (MIGRATE_DEBUG=1 shows more)\n"
        )
        sys.exit(3)
