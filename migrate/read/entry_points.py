"""The functions a project's packaging metadata names as entry points.

A console script (``[project.scripts] tool = "pkg.cli:main"``) is called by
the launcher pip writes, which calls it and exits with what it returns: a
coroutine there is never awaited. Plugin entry points are called by their
host the same way. These functions stay sync whatever they call.

Read from the project root (the nearest folder at or above a path given
with one of these files): ``pyproject.toml`` (``[project.scripts]``,
``[project.gui-scripts]``, ``[project.entry-points.<group>]``,
``[tool.poetry.scripts]``, ``[tool.flit.scripts]``), ``setup.cfg``
(``[options.entry_points]``) and ``setup.py`` (``entry_points=`` given as a
literal to ``setup()``). What cannot be read is skipped: entry points only
ever keep functions sync.
"""

from __future__ import annotations

import ast
import configparser
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

METADATA = ("pyproject.toml", "setup.cfg", "setup.py")


def entry_points(paths: Iterable[Path]) -> dict[tuple[str, str], str]:
    """``{("pkg.cli", "main"): "console script tool (pyproject.toml)"}`` for the
    project holding ``paths``: the module and attribute (``Class.method``) each
    entry point calls, and where it is declared."""
    root = _root(paths)
    if root is None:
        return {}
    found: dict[tuple[str, str], str] = {}
    for source, group, name, target in _declared(root):
        called = _target(target)
        if called is not None:
            what = "console script" if group == "console_scripts" else f"{group} entry point"
            found.setdefault(called, f"{what} {name} ({source})")
    return found


def _root(paths: Iterable[Path]) -> Path | None:
    for path in paths:
        folder = path.resolve()
        folder = folder if folder.is_dir() else folder.parent
        for candidate in (folder, *folder.parents):
            if any((candidate / name).is_file() for name in METADATA):
                return candidate
        return None
    return None


def _target(target: str) -> tuple[str, str] | None:
    """``pkg.cli:main [extra]`` -> ``("pkg.cli", "main")``; a module alone names no function."""
    module, _, attr = target.split("[", 1)[0].strip().partition(":")
    if not module.strip() or not attr.strip():
        return None
    return module.strip(), attr.strip()


def _declared(root: Path) -> Iterator[tuple[str, str, str, str]]:
    """(file, group, name, ``module:attr``) for each entry point declared under ``root``."""
    yield from _pyproject(root / "pyproject.toml")
    yield from _setup_cfg(root / "setup.cfg")
    yield from _setup_py(root / "setup.py")


def _pyproject(path: Path) -> Iterator[tuple[str, str, str, str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return
    project = _table(data.get("project"))
    groups: dict[str, Any] = {
        "console_scripts": project.get("scripts"),
        "gui_scripts": project.get("gui-scripts"),
        **_table(project.get("entry-points")),
    }
    tool = _table(data.get("tool"))
    poetry = _table(tool.get("poetry"))
    for group, table in (
        *groups.items(),
        ("console_scripts", poetry.get("scripts")),
        ("console_scripts", _table(tool.get("flit")).get("scripts")),
        *_table(poetry.get("plugins")).items(),
    ):
        for name, target in _table(table).items():
            if isinstance(target, dict):  # poetry: {reference = "pkg:main", type = "console"}
                target = target.get("reference") or target.get("callable")
            if isinstance(target, str):
                yield path.name, group, str(name), target


def _setup_cfg(path: Path) -> Iterator[tuple[str, str, str, str]]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, configparser.Error):
        return
    if not parser.has_section("options.entry_points"):
        return
    for group, text in parser.items("options.entry_points"):
        yield from ((path.name, group, n, t) for n, t in _ini_lines(text))


def _setup_py(path: Path) -> Iterator[tuple[str, str, str, str]]:
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg != "entry_points":
                continue
            try:
                value = ast.literal_eval(keyword.value)
            except ValueError:
                continue
            if isinstance(value, str):  # the ini form, as in setup.cfg
                parser = configparser.ConfigParser(interpolation=None)
                try:
                    parser.read_string(value)
                except configparser.Error:
                    continue
                value = {s: "\n".join(f"{k}={v}" for k, v in parser.items(s)) for s in parser}
            for group, lines in _table(value).items():
                text = lines if isinstance(lines, str) else "\n".join(map(str, lines))
                yield from ((path.name, str(group), n, t) for n, t in _ini_lines(text))


def _ini_lines(text: str) -> Iterator[tuple[str, str]]:
    """``name = module:attr`` lines (comments and blanks skipped)."""
    for line in text.splitlines():
        name, sep, target = line.partition("=")
        if sep and not line.lstrip().startswith(("#", ";")):
            yield name.strip(), target.strip()


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
