"""``migrate apply``: analyse, rewrite, check, write (or show the diff)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.syntax import Syntax
from rich.table import Table

from .analyse.decisions import Scope
from .analyse.run import Analysis, analyse_paths
from .read.sources import ReadFailure
from .rewrite.engine import FileResult, rewrite_project
from .rewrite.formatting import format_results
from .rewrite.options import RewriteOptions
from .rewrite.project_config import read_config, with_project_config
from .rewrite.project_files import detect_asyncio_mode, project_file_results
from .rewrite.write import write_atomic
from .verify.awaits import TreeFile, Unawaited, check_awaits
from .verify.checks import source_encoding
from .verify.vcs import dirty_files


@dataclass
class ApplyReport:
    """What a run did (or would do)."""

    results: list[FileResult] = field(default_factory=list)
    read_failures: list[ReadFailure] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    # Calls to functions that became async, left without await: nothing is written.
    unawaited: list[Unawaited] = field(default_factory=list)

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.changed and r.error is None]

    @property
    def with_todos(self) -> list[FileResult]:
        """Changed files, and files left alone that still need a hand (setup.py)."""
        return [r for r in self.results if r.error is None and (r.changed or r.notes)]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    def count(self, code: str, todo: bool = False) -> int:
        return sum(1 for r in self.changed for n in r.notes if n.code == code and n.todo == todo)

    @property
    def todos(self) -> int:
        return sum(1 for r in self.with_todos for n in r.notes if n.todo)


def run_apply(
    paths: tuple[Path, ...],
    *,
    excludes: tuple[str, ...] = (),
    scope: Scope | None = None,
    options: RewriteOptions | None = None,
    jobs: int | None = None,
    write: bool = True,
    force: bool = False,
    formatting: bool = True,
    helpers_module: str | None = None,
    console: Console | None = None,
) -> ApplyReport:
    """Analyse ``paths``, rewrite what the plan changes, and write it (unless not ``write``).

    ``formatting`` runs the project's own formatter on the changed files when
    it configures one; ``helpers_module`` overrides ``[tool.migrate]``'s name
    for the helpers module.
    """
    options = options or RewriteOptions()
    if options.asyncio_mode == RewriteOptions.asyncio_mode:
        # The project's own pytest-asyncio mode decides how async tests are marked.
        options = replace(options, asyncio_mode=detect_asyncio_mode(paths))
    config = read_config(paths)
    options = with_project_config(
        options, config, formatting=formatting, helpers_module=helpers_module
    )
    console = console or Console(stderr=True)
    analysis: Analysis = analyse_paths(
        paths, excludes=excludes, scope=scope, jobs=jobs, allow_reorder=options.allow_reorder
    )
    report = ApplyReport(read_failures=list(analysis.project.failures))
    show_progress = console.is_terminal
    with Progress(console=console, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("rewriting", total=None)
        report.results = rewrite_project(
            analysis,
            options,
            jobs=jobs or analysis.project.jobs,
            progress=lambda _: progress.advance(task),
        )
    if "MIG010" not in options.disabled:
        report.results += project_file_results(analysis, report.results, options.asyncio_mode)
    if options.formatter:
        warning = format_results(report.results, options.formatter, config.root)
        if warning:
            console.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    report.unawaited = check_awaits(_tree(analysis, report.results), analysis.roots)
    if report.unawaited:
        return report
    if write and report.changed:
        dirty, under_git = dirty_files(r.path for r in report.changed)
        if dirty and not force:
            report.refused = dirty
            return report
        if not under_git and not force:
            console.print(
                "[yellow]warning:[/] these files are not under git: keep a copy to undo the"
                " migration"
            )
        for result in report.changed:
            assert result.new is not None
            write_atomic(result.path, result.new)
            report.written.append(result.path)
    return report


def _tree(analysis: Analysis, results: list[FileResult]) -> list[TreeFile]:
    """Every Python file of the project as it will be once written."""
    new = {r.path: r.new for r in results if r.changed and r.error is None}
    files = []
    for loaded in analysis.project.files.values():
        source = loaded.source
        data = new.get(source.path)
        text = data.decode(source_encoding(data)) if data is not None else None
        files.append(TreeFile(source.path, source.text, text))
    return files


def unified_diff(result: FileResult, root: Path | None = None) -> str:
    path = result.path
    shown = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)
    old = result.old.decode(source_encoding(result.old)).splitlines(keepends=True)
    new = (result.new or b"").decode(source_encoding(result.new or b"")).splitlines(keepends=True)
    # An absolute path must not read as "a//tmp/...".
    shown = shown.lstrip("/")
    return "".join(difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"))


def print_diff(report: ApplyReport, console: Console) -> None:
    root = Path.cwd()
    for result in report.changed:
        text = unified_diff(result, root)
        if console.is_terminal:
            console.print(Syntax(text, "diff", theme="ansi_dark", background_color="default"))
        else:
            console.out(text, end="", highlight=False)


def print_summary(report: ApplyReport, console: Console, wrote: bool) -> None:
    table = Table(title="migrate apply", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    verb = "changed" if wrote else "to change"
    table.add_row(f"files {verb}", str(len(report.changed)))
    table.add_row("functions made async", str(report.count("MIG003")))
    table.add_row("HTTP calls moved to httpx", str(report.count("MIG001")))
    table.add_row("sleeps", str(report.count("MIG002")))
    table.add_row("bridges", str(report.count("MIG004")))
    table.add_row("gathers", str(report.count("MIG005")))
    table.add_row("TODO comments", str(report.todos))
    table.add_row("files failed", str(len(report.failed) + len(report.read_failures)))
    console.print(table)
    for result in report.with_todos:
        for note in result.notes:
            if note.todo:
                console.print(
                    f"  TODO {result.path}:{note.line}: {note.code}: {note.message}",
                    soft_wrap=True,
                )
                if note.detail:
                    console.print(f"    {note.detail}", soft_wrap=True, highlight=False)
    for failure in report.read_failures:
        console.print(f"[red]skipped[/] {failure}", soft_wrap=True)
    for result in report.failed:
        console.print(f"[red]failed[/] {result.path}: {result.error}", soft_wrap=True)
