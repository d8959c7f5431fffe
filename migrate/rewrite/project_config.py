"""What the target project configures: migrate's own settings, its line length
and its formatter.

Read from the project's files, the way its own tools would find them: the
nearest ``pyproject.toml`` (``[tool.migrate]``, ``[tool.ruff]``,
``[tool.black]``), ``ruff.toml``, ``setup.cfg`` and ``tox.ini`` (flake8's and
pycodestyle's ``max-line-length``), and ``.pre-commit-config.yaml`` (the
formatter hooks a team runs). Where none of them sets a line length, the
code's own lines tell how wide the team writes (``inferred_line_length``).
"""

from __future__ import annotations

import configparser
import io
import re
import sys
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .options import RewriteOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_ROOT_MARKERS = (
    "pyproject.toml",
    "setup.cfg",
    "tox.ini",
    "ruff.toml",
    ".ruff.toml",
    ".pre-commit-config.yaml",
    ".git",
)


@dataclass(frozen=True)
class ProjectConfig:
    """The settings of the project a run rewrites."""

    root: Path | None = None
    # None when nothing sets it: the rewrite then infers it from the code.
    line_length: int | None = None
    # "ruff" or "black" when the project configures one of them, else None.
    formatter: str | None = None
    # ``[tool.migrate]`` settings, keys as written (``helpers-module``).
    migrate: dict[str, Any] | None = None

    def setting(self, key: str) -> Any:
        return (self.migrate or {}).get(key)


def find_root(paths: Iterable[Path]) -> Path | None:
    """The project folder: the nearest folder at or above the first path with a
    pyproject.toml, setup.cfg, tox.ini, ruff.toml or .git."""
    for path in paths:
        folder = path.resolve()
        folder = folder if folder.is_dir() else folder.parent
        for candidate in (folder, *folder.parents):
            if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
                return candidate
        return None
    return None


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _text(path: Path) -> str:
    """A configuration file's text; one that can't be read (permissions, a race
    with its removal) configures nothing rather than stopping the run."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_text(path))
    except configparser.Error:
        return configparser.ConfigParser()
    return parser


def read_config(paths: Iterable[Path]) -> ProjectConfig:
    """The configuration of the project that holds ``paths``."""
    root = find_root(paths)
    if root is None:
        return ProjectConfig()
    pyproject = _toml(root / "pyproject.toml") if (root / "pyproject.toml").is_file() else {}
    tool = pyproject.get("tool", {})
    ruff_file = next(
        (root / name for name in ("ruff.toml", ".ruff.toml") if (root / name).is_file()), None
    )
    ruff = _toml(ruff_file) if ruff_file else tool.get("ruff")
    black = tool.get("black")
    line_length: int | None = None
    formatter: str | None = None
    if isinstance(ruff, dict):
        line_length = ruff.get("line-length") or ruff.get("line_length")
        if "format" in ruff:
            formatter = "ruff"
    if isinstance(black, dict):
        formatter = formatter or "black"
        line_length = line_length or black.get("line-length") or black.get("line_length") or 88
    formatter = (
        formatter
        or _pre_commit_formatter(root / ".pre-commit-config.yaml")
        or _tox_formatter(root / "tox.ini")
        or _make_formatter(root / "Makefile")
    )
    if line_length is None:
        line_length = _ini_line_length(root)
    if line_length is None and formatter:
        line_length = 88  # both formatters' default
    migrate = tool.get("migrate")
    return ProjectConfig(
        root=root,
        line_length=int(line_length) if line_length else None,
        formatter=formatter,
        migrate=migrate if isinstance(migrate, dict) else None,
    )


def _ini_line_length(root: Path) -> int | None:
    for name in ("setup.cfg", "tox.ini"):
        path = root / name
        if not path.is_file():
            continue
        parser = _ini(path)
        for section in ("flake8", "pycodestyle", "pep8"):
            for key in ("max-line-length", "max_line_length"):
                value = parser.get(section, key, fallback=None)
                if value and value.strip().isdigit():
                    return int(value)
    return None


_HOOK = re.compile(r"^\s*-\s*id:\s*(ruff-format|black)\b", re.MULTILINE)
_COMMAND = re.compile(r"(?:^|\s)(ruff\s+format|black)\b")


def _pre_commit_formatter(path: Path) -> str | None:
    """``ruff-format`` or ``black`` among the hooks a team runs before committing."""
    if not path.is_file():
        return None
    match = _HOOK.search(_text(path))
    if match is None:
        return None
    return "ruff" if match.group(1) == "ruff-format" else "black"


def _make_formatter(path: Path) -> str | None:
    """A Makefile target that runs ``ruff format`` or ``black``."""
    if not path.is_file():
        return None
    match = _COMMAND.search(_text(path))
    if match is None:
        return None
    return "ruff" if match.group(1).startswith("ruff") else "black"


def _tox_formatter(path: Path) -> str | None:
    """A tox environment that runs ``ruff format`` or ``black``."""
    if not path.is_file():
        return None
    parser = _ini(path)
    for section in parser.sections():
        commands = parser.get(section, "commands", fallback="")
        match = _COMMAND.search(commands)
        if match:
            return "ruff" if match.group(1).startswith("ruff") else "black"
    return None


class ConfigError(ValueError):
    """A setting of ``[tool.migrate]`` (or its option) that cannot be used."""


def with_project_config(
    options: RewriteOptions,
    config: ProjectConfig,
    *,
    formatting: bool = True,
    helpers_module: str | None = None,
) -> RewriteOptions:
    """``options`` completed with the project's settings; an option given on the
    command line wins over ``[tool.migrate]``."""
    name = helpers_module or config.setting("helpers-module") or options.helpers_module
    if not isinstance(name, str) or not name.isidentifier():
        raise ConfigError(f"helpers-module: {name!r} is not a module name")
    return replace(
        options,
        helpers_module=name,
        line_length=options.line_length or config.line_length,
        formatter=(options.formatter or config.formatter) if formatting else None,
    )


# Widths teams choose, narrowest first, from black's and ruff's default on: code
# kept to PEP 8's 79 is wrapped at 88 all the same, as no configuration asks less.
_USUAL_WIDTHS = (88, 99, 100, 110, 120)


def inferred_line_length(texts: Iterable[str]) -> int:
    """The width code that configures none keeps to: the narrowest usual one
    (88, 99, 100, 110, 120) that all its code lines fit but a few (four, or one
    in 200), else 120. Lines inside strings, with a long string, or holding only
    a comment do not count: formatters leave them as they are (a URL, a message)."""
    lengths = [n for text in texts for n in _code_line_lengths(text)]
    allowed = max(len(lengths) // 200, 4)
    for width in _USUAL_WIDTHS:
        if sum(1 for n in lengths if n > width) <= allowed:
            return width
    return _USUAL_WIDTHS[-1]


def _code_line_lengths(text: str) -> list[int]:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    left_out: set[int] = set()
    for token in tokens:
        if token.type == tokenize.STRING and (
            token.end[0] > token.start[0] or len(token.string) > 40
        ):
            left_out.update(range(token.start[0], token.end[0] + 1))
    return [
        len(line)
        for number, line in enumerate(text.splitlines(), 1)
        if number not in left_out and line.strip() and not line.lstrip().startswith("#")
    ]
