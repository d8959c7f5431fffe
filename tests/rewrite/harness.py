"""Running the real pipeline (analysis, then one rewrite pass) over a case folder."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from migrate.analyse.decisions import Scope
from migrate.analyse.run import analyse_paths
from migrate.plan import build_plan
from migrate.plan.edits import quart_edits
from migrate.rewrite.context import TODO_CONTINUED, TODO_PREFIX, todo_texts
from migrate.rewrite.engine import FileResult, rewrite_project
from migrate.rewrite.options import RewriteOptions
from migrate.rewrite.project_files import project_file_results

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    """``cases/<rule-name>/<case>/``: ``input/``, ``expected/``, optional ``options.json``."""

    folder: Path

    @property
    def rule(self) -> str:
        return self.folder.parent.name

    @property
    def id(self) -> str:
        return f"{self.rule}/{self.folder.name}"

    @property
    def input(self) -> Path:
        return self.folder / "input"

    @property
    def expected(self) -> Path:
        return self.folder / "expected"

    @property
    def scope(self) -> Scope:
        """``"select"`` in ``options.json``: one gradual step, not the whole project."""
        path = self.folder / "options.json"
        select = json.loads(path.read_text()).get("select", []) if path.exists() else []
        return Scope(select=tuple(select))

    @property
    def options(self) -> RewriteOptions:
        path = self.folder / "options.json"
        if not path.exists():
            return RewriteOptions()
        data = json.loads(path.read_text())
        data.pop("select", None)
        if "disabled" in data:
            data["disabled"] = frozenset(data["disabled"])
        return RewriteOptions(**data)


def all_cases() -> list[Case]:
    return [Case(folder) for folder in sorted(CASES.glob("*/*")) if (folder / "input").is_dir()]


def python_files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (relative posix path -> bytes), caches left out."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def rewrite(
    root: Path, options: RewriteOptions, scope: Scope | None = None
) -> tuple[dict[str, bytes], list[FileResult]]:
    """The project below ``root`` as the pipeline would write it (nothing is written)."""
    analysis = analyse_paths([root], scope=scope, jobs=1, allow_reorder=options.allow_reorder)
    assert not analysis.project.failures, analysis.project.failures
    plan = build_plan(analysis)
    if options.target == "quart":
        plan = replace(plan, edits=quart_edits(analysis))
    sources = {module: loaded.source for module, loaded in analysis.project.files.items()}
    results = rewrite_project(plan.edits, sources, options, jobs=1)
    if "MIG010" not in options.disabled and options.target == "asyncio":
        # Dependency and pytest files, as ``migrate apply`` edits them after the pass.
        results += project_file_results(
            analysis.roots, sources.values(), results, options.asyncio_mode
        )
    files = python_files(root)
    for result in results:
        assert result.error is None, f"{result.path}: {result.error}"
        if result.changed:
            assert result.new is not None
            files[result.path.relative_to(root.resolve()).as_posix()] = result.new
    return files, results


@contextmanager
def imported_from(folder: Path) -> Iterator[None]:
    """Import from ``folder`` first; forget its modules afterwards.

    Modules of the same names imported before (another test's ``shop``, or the
    real ``responses``) are set aside meanwhile, so ``import shop.cart`` finds
    this folder's package, then put back.
    """
    tops = {p.stem for p in folder.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()}
    shadowed = {
        name: sys.modules.pop(name) for name in list(sys.modules) if name.split(".", 1)[0] in tops
    }
    before = set(sys.modules)
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        for name in set(sys.modules) - before:
            module = sys.modules[name]
            if str(getattr(module, "__file__", "") or "").startswith(str(folder)):
                del sys.modules[name]
        sys.modules.update(shadowed)


def applied(folder: Path, code: str, name: str = "api.py") -> str:
    """``code`` as ``migrate apply`` leaves it, written to ``folder/name`` and run
    from the command line as a user would."""
    (folder / name).write_text(textwrap.dedent(code))
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(folder), "--force"],
        check=True,
        capture_output=True,
    )
    return (folder / name).read_text()


def todos_above(lines: Sequence[str], at: int) -> list[str]:
    """The TODOs right above ``lines[at]`` (lines stripped), each as one line: a TODO
    the rewrite continued on further lines joined up again."""
    start = at
    while start and lines[start - 1].startswith((TODO_PREFIX, TODO_CONTINUED)):
        start -= 1
    return todo_texts(lines[start:at])


def run_own_suite(root: Path) -> subprocess.CompletedProcess[str]:
    """A migrated project's own pytest suite, run in ``root`` as its user would,
    under ``-W error`` (an un-awaited coroutine fails it), with nothing of this
    repository on its path."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root), "HOME": str(root)},
    )
