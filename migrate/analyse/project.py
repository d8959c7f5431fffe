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

from ..read.entry_points import entry_points
from ..read.sources import (
    ReadFailure,
    SourceFile,
    base_of,
    is_generated,
    is_toolkit_helpers,
    read_source,
    root_dirs,
    unique_aliases,
)
from ..read.syntax import syntax_reason
from ..workers import worker_pool
from .catalogue import REWRITE_MODULES
from .facts import analyse_source
from .frameworks import is_test_path
from .model import Function, ModuleFacts
from .tree import function_in

# Async colour starts at calls with an async twin; a file that imports none
# of their modules cannot start it. (Bridge-only calls such as sqlite3 or
# open() matter only inside functions that become async, which are analysed
# anyway, with the modules they call.) ``time`` is imported everywhere for
# ``time.time()``, so it counts only where ``sleep`` is mentioned too.
# Files that import asgiref hold bridges from an earlier step, where a
# gradual migration goes on.
_SEED_MODULES = sorted((REWRITE_MODULES - {"time", "urllib"}) | {"asgiref"})
_SEED_IMPORT = re.compile(
    r"^[ \t]*(?:import|from)[ \t]+(?:"
    + "|".join(_SEED_MODULES)
    # The requests_* family (requests_oauthlib): what stays on requests through
    # them is in the plan.
    + r"|requests_\w+"
    + r")\b",
    re.MULTILINE,
)
_TIME_IMPORT = re.compile(r"^[ \t]*(?:import|from)[ \t]+time\b", re.MULTILINE)
# urllib.request blocks (urlopen); urllib.parse, imported nearly everywhere, does
# not. ``import urllib`` alone may reach urllib.request through the package.
_URLLIB_REQUEST_IMPORT = re.compile(
    r"^[ \t]*(?:import[ \t][^\n]*\burllib(?:\.request)?\b(?!\.)"
    r"|from[ \t]+urllib\.request[ \t]+import"
    r"|from[ \t]+urllib[ \t]+import[^\n]*\brequest\b)",
    re.MULTILINE,
)


def is_seed(text: str) -> bool:
    """Whether a file can start async colour by itself (a cheap text test)."""
    # A substring test first: a regex scan of every file is what this costs.
    if any(name in text for name in _SEED_MODULES) and _SEED_IMPORT.search(text):
        return True
    if "urllib" in text and _URLLIB_REQUEST_IMPORT.search(text):
        return True
    return "sleep" in text and _TIME_IMPORT.search(text) is not None


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
    # Other names a module may be imported by -> its name (unambiguous ones only).
    aliases: dict[str, str] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)
    skipped_generated: list[Path] = field(default_factory=list)
    # Functions the packaging metadata calls (console scripts...): qualname -> where.
    entry_points: dict[str, str] = field(default_factory=dict)
    jobs: int = 1
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    _trees: dict[str, ast.Module] = field(default_factory=dict, repr=False)

    def tree(self, module: str) -> ast.Module:
        """The module's syntax tree, parsed once, for rules that look past its facts."""
        if module not in self._trees:
            self._trees[module] = ast.parse(self.files[module].source.text)
        return self._trees[module]

    def run(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``map`` in the worker pool (started once, on first need), or inline."""
        # Starting the pool costs more than a few files; once it runs, use it.
        threshold = POOL_THRESHOLD if self._pool is None else 2 * self.jobs
        if self.jobs <= 1 or len(items) < threshold:
            return [func(item) for item in items]
        if self._pool is None:
            self._pool = worker_pool(self.jobs)
        # Eight chunks a worker: the files that get analysed in full cost ten times
        # a parse, and a worker left with the last big chunk is the run's wall time.
        chunksize = max(1, len(items) // (self.jobs * 8))
        return list(self._pool.map(func, items, chunksize=chunksize))

    def canonical(self, module: str) -> str:
        """The name ``module`` is known by here (an import may use an alias)."""
        return module if module in self.files else self.aliases.get(module, module)

    def module_of(self, dotted: str) -> str | None:
        """The project module a dotted name is written through (``pkg.api`` for
        ``pkg.api.Client.get``): its longest leading part that is one."""
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.canonical(".".join(parts[:cut]))
            if module in self.files:
                return module
        return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    # Facts by module, kept in step with ``files`` by ``set_facts``: name
    # resolution asks for it thousands of times.
    _facts: dict[str, ModuleFacts] = field(default_factory=dict, repr=False)

    @property
    def facts(self) -> dict[str, ModuleFacts]:
        return self._facts

    _packages: frozenset[str] | None = field(default=None, repr=False)

    @property
    def packages(self) -> frozenset[str]:
        """The top-level names the project's own modules live under (``hvac``)."""
        if self._packages is None:
            self._packages = frozenset(module.split(".", 1)[0] for module in self.files)
        return self._packages

    def set_facts(self, module: str, facts: ModuleFacts) -> None:
        self.files[module].facts = facts
        self._facts[module] = facts

    def functions(self) -> dict[str, Function]:
        table: dict[str, Function] = {}
        for facts in self.facts.values():
            table.update(facts.functions)
        return table

    def analyse(self, modules: Iterable[str]) -> list[str]:
        """Extract facts for ``modules`` not analysed yet; returns those done."""
        todo = [
            m
            for m in sorted(set(modules))
            if m in self.files
            and self.files[m].facts is None
            and not is_toolkit_helpers(self.files[m].source.text)
        ]
        if not todo:
            return []
        jobs_in = [
            (self.files[m].source.text, m, str(self.files[m].source.path), _is_package(m, self))
            for m in todo
        ]
        results = self.run(_analyse_one, jobs_in)
        for module, result in zip(todo, results):
            if isinstance(result, str):
                self.failures.append(ReadFailure(self.files[module].source.path, result))
                del self.files[module]
            else:
                self.set_facts(module, result)
                self.settle_fallbacks(result)
        return [m for m in todo if m in self.files]

    def settle_fallbacks(self, facts: ModuleFacts) -> None:
        """``try: from pkg.old import api`` / ``except ImportError: from pkg import
        api``: where the ``try`` body names nothing of the project under one of its
        own packages (a layout of older releases) and the fallback a module of it,
        the fallback is what runs here. One naming another package (``requests.compat``)
        may be installed: it is left as it is."""
        for name, options in facts.fallback_imports.items():
            held = facts.imports.get(name)
            if held is None or held.split(".")[0] not in self.packages:
                continue
            if self._in_project(held):
                continue
            found = next((o for o in options if self._in_project(o)), None)
            if found is None:
                continue
            facts.imports[name] = found
            # What the module's facts already resolved through the name
            # (``z.Client()`` typed ``pkg.old.api.Client``) is the fallback's too.
            if self.canonical(found) in self.files:
                self.aliases.setdefault(held, self.canonical(found))
            elif held.rpartition(".")[2] == found.rpartition(".")[2]:
                module = self.canonical(found.rpartition(".")[0])
                self.aliases.setdefault(held.rpartition(".")[0], module)

    def _in_project(self, dotted: str) -> bool:
        """A module of the project, or a name one of them mentions (by its text: it
        may not be analysed yet)."""
        if self.canonical(dotted) in self.files:
            return True
        module, _, name = dotted.rpartition(".")
        module = self.canonical(module)
        text = self.files[module].source.text if module in self.files else ""
        return re.search(rf"\b{re.escape(name)}\b", text) is not None

    def mentioning(self, names: Iterable[str], tests_only: bool = False) -> list[str]:
        """Modules not analysed yet whose text mentions any of ``names``."""
        wanted = sorted({n for n in names if n and n.isidentifier()})
        if not wanted:
            return []
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, wanted)) + r")\b")
        return [
            m
            for m, f in self.files.items()
            if f.facts is None
            and (not tests_only or is_test_path(str(f.source.path)))
            # Substring tests first: the alternation is slow on a file that has none.
            and any(name in f.source.text for name in wanted)
            and pattern.search(f.source.text)
        ]


def _is_package(module: str, project: Project) -> bool:
    return project.files[module].source.path.name == "__init__.py"


def _analyse_one(args: tuple[str, str, str, bool]) -> ModuleFacts | str:
    text, module, path, is_package = args
    try:
        return analyse_source(text, module, path, is_package)
    except SyntaxError as exc:
        return syntax_reason(exc, text)
    except (ValueError, RecursionError) as exc:
        return f"does not parse: {exc}"
    except Exception as exc:  # a bug of ours must cost one file, not the whole run
        return f"not analysed: internal error ({type(exc).__name__}: {exc}); please report it"


def _first_pass(args: tuple[str, str, str, bool]) -> ModuleFacts | str | None:
    """Parse every file; walk the seed files in full. Errors come back as text."""
    text, _, path, _ = args
    if is_seed(text) and not is_toolkit_helpers(text):
        return _analyse_one(args)
    try:
        ast.parse(text, filename=path)
    except SyntaxError as exc:
        return syntax_reason(exc, text)
    except (ValueError, RecursionError) as exc:
        return f"does not parse: {exc}"
    return None


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def load_project(
    paths: Iterable[Path], jobs: int | None = None, roots: Iterable[Path] = ()
) -> Project:
    """Read every file, parse-check it, and deep-analyse the seed files.

    Module names run up to the root each file was found under (see
    ``module_names``): namespace packages and ``src/`` layouts resolve.
    """
    paths, roots = list(paths), tuple(roots)
    project = Project(jobs=jobs or default_jobs())
    bases = root_dirs(roots)
    for path in paths:
        result = read_source(path, base_of(path, bases))
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
    project.aliases = unique_aliases((m, f.source.aliases) for m, f in project.files.items())
    project.entry_points = {
        f"{project.canonical(module)}.{attr}": why
        for (module, attr), why in entry_points(roots or paths).items()
    }

    modules = list(project.files)
    results = project.run(
        _first_pass,
        [
            (f.source.text, m, str(f.source.path), f.source.path.name == "__init__.py")
            for m, f in ((m, project.files[m]) for m in modules)
        ],
    )
    for module, outcome in zip(modules, results):
        if isinstance(outcome, str):
            project.failures.append(ReadFailure(project.files[module].source.path, outcome))
            del project.files[module]
        elif outcome is not None:
            project.set_facts(module, outcome)
            project.settle_fallbacks(outcome)
    return project


def function_node(
    fn: Function, project: Project, trees: dict[str, ast.Module]
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The ``ast`` of a function, from its module parsed once per analysis."""
    loaded = project.files.get(fn.module)
    if loaded is None:
        return None
    if fn.module not in trees:
        try:
            trees[fn.module] = ast.parse(loaded.source.text)
        except SyntaxError:
            return None
    return function_in(trees[fn.module], fn)
