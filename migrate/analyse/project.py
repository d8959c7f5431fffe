"""Whole-project loading: read every file once, deep-analyse only what matters.

Parsing with ``ast`` is cheap (C speed); walking every node in Python is not.
So every file is parsed (to report the ones that don't), but only files that
can be part of a migration get the full fact extraction: those that import a
catalogue module, mention a name that is already known to become async, or
define a function that such code calls. Work runs in a process pool when
there are enough files to pay for it.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..read.sources import ReadFailure, SourceFile, is_generated, read_source
from .catalogue import REWRITE_MODULES
from .facts import Function, ModuleFacts, analyse_source

# Async colour starts at calls with an async twin; a file that imports none
# of their modules cannot start it. (Bridge-only calls such as sqlite3 or
# open() matter only inside functions that become async, which are analysed
# anyway, with the modules they call.)
_SEED = re.compile(
    r"^[ \t]*(?:import|from)[ \t]+(?:" + "|".join(sorted(REWRITE_MODULES)) + r")\b",
    re.MULTILINE,
)
T = TypeVar("T")
R = TypeVar("R")

# Below this many files a process pool costs more than it saves.
POOL_THRESHOLD = 64


@dataclass
class LoadedFile:
    """A file of the project: its source, and its facts once analysed."""

    source: SourceFile
    facts: ModuleFacts | None = None


@dataclass
class Project:
    """All files of a project run, keyed by module name."""

    files: dict[str, LoadedFile] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)
    skipped_generated: list[Path] = field(default_factory=list)
    jobs: int = 1

    @property
    def facts(self) -> dict[str, ModuleFacts]:
        return {m: f.facts for m, f in self.files.items() if f.facts is not None}

    def functions(self) -> dict[str, Function]:
        table: dict[str, Function] = {}
        for facts in self.facts.values():
            table.update(facts.functions)
        return table

    def analyse(self, modules: Iterable[str]) -> list[str]:
        """Extract facts for ``modules`` not analysed yet; returns those done."""
        todo = [m for m in sorted(set(modules)) if m in self.files and self.files[m].facts is None]
        if not todo:
            return []
        jobs_in = [
            (self.files[m].source.text, m, str(self.files[m].source.path), _is_package(m, self))
            for m in todo
        ]
        results = _run(_analyse_one, jobs_in, self.jobs)
        for module, result in zip(todo, results):
            if isinstance(result, str):
                self.failures.append(ReadFailure(self.files[module].source.path, result))
                del self.files[module]
            else:
                self.files[module].facts = result
        return [m for m in todo if m in self.files]

    def mentioning(self, names: Iterable[str]) -> list[str]:
        """Modules not analysed yet whose text mentions any of ``names``."""
        wanted = sorted({n for n in names if n and n.isidentifier()})
        if not wanted:
            return []
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, wanted)) + r")\b")
        return [
            m for m, f in self.files.items() if f.facts is None and pattern.search(f.source.text)
        ]


def _is_package(module: str, project: Project) -> bool:
    return project.files[module].source.path.name == "__init__.py"


def _analyse_one(args: tuple[str, str, str, bool]) -> ModuleFacts | str:
    text, module, path, is_package = args
    try:
        return analyse_source(text, module, path, is_package)
    except SyntaxError as exc:
        return f"does not parse: {exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError) as exc:
        return f"does not parse: {exc}"


def _check_one(args: tuple[str, str]) -> tuple[bool, str | None]:
    """Parse-check one file; True when it is a seed worth deep analysis."""
    text, path = args
    try:
        ast.parse(text, filename=path)
    except SyntaxError as exc:
        return False, f"does not parse: {exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError) as exc:
        return False, f"does not parse: {exc}"
    return bool(_SEED.search(text)), None


def _run(func: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    if jobs <= 1 or len(items) < POOL_THRESHOLD:
        return [func(item) for item in items]
    chunksize = max(1, len(items) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(func, items, chunksize=chunksize))


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def load_project(paths: Iterable[Path], jobs: int | None = None) -> Project:
    """Read every file, parse-check it, and deep-analyse the seed files."""
    project = Project(jobs=jobs or default_jobs())
    for path in paths:
        result = read_source(path)
        if isinstance(result, ReadFailure):
            project.failures.append(result)
            continue
        if is_generated(result.raw):
            project.skipped_generated.append(path)
            continue
        if result.module in project.files:
            # Two roots with the same module name: keep the first, say so.
            project.failures.append(
                ReadFailure(path, f"module name {result.module} already taken; skipped")
            )
            continue
        project.files[result.module] = LoadedFile(result)

    modules = list(project.files)
    checks = _run(
        _check_one,
        [(project.files[m].source.text, str(project.files[m].source.path)) for m in modules],
        project.jobs,
    )
    seeds = []
    for module, (is_seed, error) in zip(modules, checks):
        if error:
            project.failures.append(ReadFailure(project.files[module].source.path, error))
            del project.files[module]
        elif is_seed:
            seeds.append(module)
    project.analyse(seeds)
    return project
