"""``migrate apply``: carry out a plan (made now, or read from ``--plan``), check, write."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from .analyse.decisions import Scope
from .analyse.frameworks import is_test_path
from .analyse.project import default_jobs
from .analyse.run import analyse_paths
from .plan import Plan, PlanError, build_plan, plan_options
from .plan.edits import quart_edits
from .plan.model import PlannedFile, ReviewItem
from .read.sources import ReadFailure, SourceFile, base_of, read_source, root_dirs
from .rewrite.engine import FileResult, rewrite_project
from .rewrite.formatting import format_results
from .rewrite.journal import (
    Change,
    Journal,
    JournalError,
    Settled,
    WriteError,
    journal_root,
)
from .rewrite.options import RewriteOptions
from .rewrite.project_config import (
    ProjectConfig,
    inferred_line_length,
    read_config,
    with_project_config,
)
from .rewrite.project_files import detect_asyncio_mode, project_file_results
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
    # What the plan itself says it would leave without await in the project's code
    # (not its tests): nothing is written, unless the options say ``partial``.
    held: list[ReviewItem] = field(default_factory=list)
    files_found: int = 0
    # Files an interrupted earlier run had decided to replace, finished now.
    finished: list[Path] = field(default_factory=list)
    # One line each: why nothing was written (a file that can't be written...).
    errors: list[str] = field(default_factory=list)
    # The signal that stopped the writing (everything was put back).
    interrupted: int | None = None
    # A file could not be rewritten, so none was written (unless ``partial``).
    withheld: bool = False
    not_under_git: bool = False

    @property
    def ok(self) -> bool:
        """All the planned work was done: nothing skipped, failed or refused."""
        return not (
            self.read_failures
            or self.failed
            or self.refused
            or self.unawaited
            or self.held
            or self.errors
            or self.interrupted
        )

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
    """Analyse ``paths``, plan, and carry the plan out (see :func:`apply_plan`).

    ``formatting`` runs the project's own formatter on the changed files when
    it configures one; ``helpers_module`` overrides ``[tool.migrate]``'s name
    for the helpers module.
    """
    options, config = _options(paths, options, formatting, helpers_module)
    scope = scope or Scope()
    journal = Journal(journal_root(paths))
    settled = _settle(journal) if write else None
    if isinstance(settled, str):
        return ApplyReport(errors=[settled])
    analysis = analyse_paths(
        paths, excludes=excludes, scope=scope, jobs=jobs, allow_reorder=options.allow_reorder
    )
    plan = build_plan(analysis, plan_options(scope, options.allow_reorder))
    if options.target == "quart":
        plan = replace(plan, edits=quart_edits(analysis))
    report = ApplyReport(
        read_failures=list(analysis.project.failures), files_found=analysis.files_total
    )
    sources = {module: loaded.source for module, loaded in analysis.project.files.items()}
    return _carry_out(
        plan,
        sources,
        report,
        journal,
        settled,
        options,
        config.root,
        jobs=jobs or analysis.project.jobs,
        write=write,
        force=force,
        console=console or Console(stderr=True),
    )


def apply_plan(
    plan: Plan,
    *,
    options: RewriteOptions | None = None,
    jobs: int | None = None,
    write: bool = True,
    force: bool = False,
    formatting: bool = True,
    helpers_module: str | None = None,
    console: Console | None = None,
) -> ApplyReport:
    """Carry out a plan made before (``migrate apply --plan``), on the files it was made from.

    Every file is read again and must be as it was when the plan was made:
    :class:`PlanError` says which one is not (a plan describes that code).
    """
    roots = tuple(Path(r) for r in plan.roots)
    options, config = _options(roots, options, formatting, helpers_module)
    journal = Journal(journal_root(roots))
    settled = _settle(journal) if write else None
    if isinstance(settled, str):
        return ApplyReport(errors=[settled])
    sources = read_planned(plan)
    report = ApplyReport(
        read_failures=[ReadFailure(Path(f.path), f.reason) for f in plan.failures],
        files_found=plan.files_total,
    )
    return _carry_out(
        plan,
        sources,
        report,
        journal,
        settled,
        options,
        config.root,
        jobs=jobs or default_jobs(),
        write=write,
        force=force,
        console=console or Console(stderr=True),
    )


def _options(
    roots: tuple[Path, ...],
    options: RewriteOptions | None,
    formatting: bool,
    helpers_module: str | None,
) -> tuple[RewriteOptions, ProjectConfig]:
    """The rewrite options with what the project configures itself."""
    options = options or RewriteOptions()
    if options.asyncio_mode == RewriteOptions.asyncio_mode:
        # The project's own pytest-asyncio mode decides how async tests are marked.
        options = replace(options, asyncio_mode=detect_asyncio_mode(roots))
    config = read_config(roots)
    options = with_project_config(
        options, config, formatting=formatting, helpers_module=helpers_module
    )
    return options, config


def _carry_out(
    plan: Plan,
    sources: dict[str, SourceFile],
    report: ApplyReport,
    journal: Journal,
    settled: Settled | None,
    options: RewriteOptions,
    config_root: Path | None,
    *,
    jobs: int,
    write: bool,
    force: bool,
    console: Console,
) -> ApplyReport:
    """Rewrite the files the plan edits, check the whole tree, write it all or nothing."""
    roots = tuple(Path(r) for r in plan.roots)
    if settled is not None:
        report.finished = settled.finished
    if not options.partial:
        # Half a migration would not run: the project as it is runs.
        report.held = [
            r for r in plan.needs_review if r.unawaited and not is_test_path(r.where.path)
        ]
        if report.held:
            return report
    if options.line_length is None and plan.edits:
        # None of the project's tools sets one: its own code shows how wide it writes.
        width = inferred_line_length(source.text for source in sources.values())
        options = replace(options, line_length=width)
    if not write and journal.is_pending():
        report.errors.append(
            f"{journal.pending}: an interrupted apply is pending; `migrate apply` finishes it"
        )
    # A bar on a terminal only: in CI logs and pipes a run stays quiet.
    columns = (
        TextColumn("rewriting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task("rewriting", total=None)
        report.results = rewrite_project(
            plan.edits,
            sources,
            options,
            jobs=jobs,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    if "MIG010" not in options.disabled and options.target == "asyncio":
        report.results += project_file_results(
            roots, sources.values(), report.results, options.asyncio_mode
        )
    if options.formatter:
        warning = format_results(report.results, options.formatter, config_root)
        if warning:
            console.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    if report.failed and not options.partial:
        # The others were rewritten expecting it to change with them: written
        # alone, they would call what it defines as it no longer is.
        report.withheld = True
        return report
    report.unawaited = check_awaits(_tree(sources, report.results), roots)
    if report.unawaited:
        return report
    if write and report.changed:
        dirty, under_git = dirty_files(r.path for r in report.changed)
        if dirty and not force:
            report.refused = dirty
            return report
        report.not_under_git = not under_git
        if not under_git:
            console.print(
                "[yellow]warning:[/] these files are not under version control;"
                " `migrate undo` puts them back",
                soft_wrap=True,
            )
        _write(report, journal)
    return report


def read_planned(plan: Plan) -> dict[str, SourceFile]:
    """The project's files, read again; each must be as it was when the plan was made."""
    bases = root_dirs(Path(r) for r in plan.roots)
    sources: dict[str, SourceFile] = {}
    for planned in plan.sources:
        path = Path(planned.path)
        source = read_source(path, base_of(path, bases))
        if isinstance(source, ReadFailure):
            raise PlanError(f"{source}; make the plan again")
        if PlannedFile.digest_of(source.raw) != planned.digest:
            raise PlanError(f"{path} changed since the plan was made; make the plan again")
        sources[planned.module] = source
    return sources


def _settle(journal: Journal) -> Settled | str:
    """Finish what an interrupted run decided to write (or a one-line reason not to)."""
    try:
        settled = journal.settle()
    except (JournalError, WriteError) as exc:
        return f"{exc}; finishing the interrupted apply failed"
    except OSError as exc:
        return f"{journal.base}: {exc.strerror or exc}"
    if settled.conflicts:
        names = ", ".join(map(str, settled.conflicts))
        return (
            f"an interrupted apply (journal {journal.pending}) cannot be finished: {names}"
            " changed since; put them back or remove the journal"
        )
    return settled


def _write(report: ApplyReport, journal: Journal) -> None:
    """Replace every changed file, or none: a failure or a signal puts all back."""
    changes = []
    for result in report.changed:
        assert result.new is not None
        path = result.path.resolve()
        changes.append(Change(path, result.old, result.new, created=not path.exists()))
    report.errors = unwritable(c.path for c in changes if not c.created)
    if report.errors:
        return
    with deferred_signals() as caught:
        try:
            journal.begin(changes)
            written = journal.replace(changes, stop=lambda: bool(caught))
        except (OSError, WriteError) as exc:
            problem = str(exc) if isinstance(exc, WriteError) else f"journal: {exc}"
            _put_back(journal)
            report.errors.append(f"{problem}; nothing was changed")
            return
        except BaseException:
            _put_back(journal)
            raise
        if caught:
            _put_back(journal)
            report.interrupted = caught[0]
            return
        journal.commit()
    report.written = written


def _put_back(journal: Journal) -> None:
    journal.roll_back()
    journal.tidy()


def unwritable(paths: Iterable[Path]) -> list[str]:
    """One line per file that can't be replaced (the file or its folder is read-only)."""
    problems = []
    for path in paths:
        if not os.access(path, os.W_OK):
            problems.append(f"{path}: cannot write (permission denied); nothing was changed")
        elif not os.access(path.parent, os.W_OK | os.X_OK):
            problems.append(f"{path}: cannot write (its folder is read-only); nothing was changed")
    return problems


@contextmanager
def deferred_signals() -> Iterator[list[int]]:
    """Hold SIGINT/SIGTERM until the block is done; the list says which came."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def hold(signum: int, _frame: object) -> None:
        caught.append(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield caught
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@dataclass
class UndoReport:
    """What ``migrate undo`` did."""

    restored: list[Path] = field(default_factory=list)
    conflicts: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    interrupted: int | None = None
    nothing: bool = False


def run_undo(paths: tuple[Path, ...]) -> UndoReport:
    """Put back the files the last ``migrate apply`` on ``paths`` replaced."""
    journal = Journal(journal_root(paths))
    report = UndoReport()
    settled = _settle(journal)
    if isinstance(settled, str):
        report.errors.append(settled)
        return report
    if not journal.has_last():
        report.nothing = True
        return report
    try:
        changes, report.conflicts = journal.undo_changes()
    except JournalError as exc:
        report.errors.append(str(exc))
        return report
    if report.conflicts:
        return report
    with deferred_signals() as caught:
        try:
            journal.begin(changes, kind="undo")
            written = journal.replace(changes, stop=lambda: bool(caught))
        except (OSError, WriteError) as exc:
            journal.roll_back()
            report.errors.append(f"{exc}; nothing was changed")
            return report
        except BaseException:
            journal.roll_back()
            raise
        if caught:
            journal.roll_back()
            report.interrupted = caught[0]
            return report
        journal.commit()
    journal.tidy()
    report.restored = written
    return report


def _tree(sources: dict[str, SourceFile], results: list[FileResult]) -> list[TreeFile]:
    """Every Python file of the project as it will be once written."""
    new = {r.path: r.new for r in results if r.changed and r.error is None}
    files = []
    for source in sources.values():
        data = new.get(source.path)
        text = data.decode(source_encoding(data)) if data is not None else None
        files.append(TreeFile(source.path, source.text, text))
    return files
