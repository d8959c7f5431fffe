"""Finding and decoding source files.

A file is read once as bytes and decoded the way Python would (PEP 263
cookie or BOM). The bytes are kept: a rewrite parses them again with libcst,
which writes the encoding, BOM and line endings back as they were. Files
that can't be decoded are reported with a one-line reason and never touched.
"""

from __future__ import annotations

import errno
import fnmatch
import io
import os
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Folders that are never part of the user's code.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".venv",
    "venv",
    ".env",
    "env",
    ".git",
    ".hg",
    ".tox",
    ".nox",
    ".eggs",
    "*.egg-info",
    "build",
    "dist",
    "site-packages",
    "node_modules",
    ".migrate",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)

GENERATED_MARKER = "@generated"
# The first line of the docstring of the helpers module ``migrate apply`` writes.
HELPERS_MARKER = "Async helpers shared by the migrated code of this package."
# The marker counts only near the top, where tools put it.
GENERATED_SCAN_BYTES = 2048


@dataclass(frozen=True)
class SourceFile:
    """A decoded Python file. The rewrite starts again from ``raw`` (libcst keeps
    the encoding, BOM and line endings), so nothing here needs to remember them."""

    path: Path
    module: str
    raw: bytes
    text: str
    encoding: str
    # Other names the module may be imported by (see ``module_names``).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not be used, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def is_excluded(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    """Whether any part of ``path`` below ``root`` matches an exclude pattern."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = path
    rel_text = rel.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(rel_text, pattern) or fnmatch.fnmatch(path.as_posix(), pattern):
            return True
        if any(fnmatch.fnmatch(part, pattern) for part in rel.parts):
            return True
    return False


def discover(paths: Iterable[Path], excludes: Iterable[str] = ()) -> Iterator[Path]:
    """Every ``.py`` file under ``paths``, sorted, skipping excluded folders."""
    yield from discover_files(paths, excludes)[0]


def _link_problem(path: Path, exc: BaseException) -> ReadFailure:
    # Python 3.11 raises RuntimeError for a loop, later versions OSError(ELOOP).
    loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
    return ReadFailure(path, "symlink loop" if loop else "broken symlink")


def discover_files(
    paths: Iterable[Path], excludes: Iterable[str] = ()
) -> tuple[list[Path], list[ReadFailure]]:
    """Every ``.py`` file under ``paths`` (sorted, excluded folders skipped), and
    the files that can't be used: symlink loops, broken links, and links to
    files outside the roots (never followed there: that code is not the
    user's to migrate here).

    Symlinked folders are not entered; a symlinked file whose target is
    found anyway is read once, as its target.
    """
    patterns = (*DEFAULT_EXCLUDES, *excludes)
    failures: list[ReadFailure] = []
    starts: list[Path] = []
    for start in paths:
        try:
            starts.append(start.resolve(strict=True))
        except (OSError, RuntimeError) as exc:
            failures.append(_link_problem(start, exc))
    bases = root_dirs(starts)
    seen: set[Path] = set()
    out: list[Path] = []
    links: list[tuple[Path, Path]] = []
    for start in starts:
        if start.is_file():
            if start not in seen:
                seen.add(start)
                out.append(start)
            continue
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(start):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not is_excluded(here / d, start, patterns))
            for name in filenames:
                path = here / name
                if not name.endswith(".py") or is_excluded(path, start, patterns):
                    continue
                if not path.is_symlink():
                    found.append(path)
                    continue
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError) as exc:
                    failures.append(_link_problem(path, exc))
                    continue
                if base_of(target, bases) is None:
                    failures.append(
                        ReadFailure(path, "symlink to a file outside the roots, not followed")
                    )
                else:
                    links.append((path, target))
        for path in sorted(found):
            if path not in seen:
                seen.add(path)
                out.append(path)
    for link, target in sorted(links):
        if target not in seen:
            seen.add(target)
            out.append(link)
    return out, sorted(failures, key=lambda f: str(f.path))


def module_name(path: Path) -> str:
    """Dotted module name, found by walking up through package folders."""
    return module_names(path)[0]


def module_names(path: Path, base: Path | None = None) -> tuple[str, tuple[str, ...]]:
    """The module's name, and the other names it may be imported by.

    Regular packages (``__init__.py``) give the name by themselves. Below
    ``base``, folders without ``__init__.py`` are namespace packages *or*
    folders on ``sys.path`` (a ``tests`` folder pytest puts there, ``src/``):
    the name runs up to ``base`` (leaving out ``src``), and every shorter
    name is kept as an alias, so ``from shop.client import fetch`` and
    ``from client import fetch`` both find ``shop/client.py``.
    """
    parts = [] if path.stem == "__init__" else [path.stem]
    folder = path.parent
    while (folder / "__init__.py").exists() and folder.parent != folder:
        parts.append(folder.name)
        folder = folder.parent
    package = list(reversed(parts)) or [path.stem]
    names = [".".join(package)]
    if base is not None and folder != base and folder.is_relative_to(base):
        spaces = folder.relative_to(base).parts
        names += [".".join([*spaces[i:], *package]) for i in range(len(spaces) - 1, -1, -1)]
    # ``src/`` is never part of a name: it is the folder put on sys.path.
    canonical = next((n for n in reversed(names) if not n.startswith("src.")), names[0])
    if base is not None and folder.is_relative_to(base) and not (base / "__init__.py").exists():
        # The root itself may be a namespace package: ``migrate apply shop``.
        names.append(f"{base.name}.{names[-1]}")
    return canonical, tuple(n for n in names if n != canonical)


def unique_aliases(names: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """alias -> module, for the aliases (see ``module_names``) only one module has."""
    modules = set()
    claimed: dict[str, set[str]] = {}
    for module, aliases in names:
        modules.add(module)
        for alias in aliases:
            claimed.setdefault(alias, set()).add(module)
    return {a: m.pop() for a, m in claimed.items() if len(m) == 1 and a not in modules}


def root_dirs(roots: Iterable[Path]) -> list[Path]:
    """The folders of ``roots`` (a file stands for its folder), deepest first."""
    dirs = {(r if r.is_dir() else r.parent).resolve() for r in roots}
    return sorted(dirs, key=lambda d: (-len(d.parts), str(d)))


def base_of(path: Path, bases: Iterable[Path]) -> Path | None:
    """The deepest of ``bases`` (from ``root_dirs``) that holds ``path``."""
    return next((b for b in bases if path.is_relative_to(b)), None)


def decode(path: Path, raw: bytes, base: Path | None = None) -> SourceFile | ReadFailure:
    """Decode ``raw`` the way Python would (PEP 263, BOM)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError) as exc:
        return ReadFailure(path, f"cannot detect encoding: {exc}")
    except UnicodeDecodeError as exc:
        return ReadFailure(path, f"not valid {exc.encoding} at byte {exc.start}")
    if text.startswith("\ufeff"):
        text = text[1:]
    module, aliases = module_names(path, base)
    return SourceFile(path, module, raw, text, encoding, aliases)


def read_source(path: Path, base: Path | None = None) -> SourceFile | ReadFailure:
    """Read and decode one file; failures are values, not exceptions."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadFailure(path, f"cannot read: {exc.strerror or exc}")
    return decode(path, raw, base)


def is_toolkit_helpers(text: str) -> bool:
    """Whether ``text`` is the helpers module ``migrate apply`` wrote: code that is
    already what the migration makes (its requests calls answer test mocks)."""
    return text.lstrip("\ufeff").startswith(f'"""{HELPERS_MARKER}')


def is_generated(raw: bytes) -> bool:
    """Files marked ``@generated`` are produced by tools and left alone."""
    return GENERATED_MARKER.encode() in raw[:GENERATED_SCAN_BYTES]
