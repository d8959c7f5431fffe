"""Which modules pytest collects as tests, and how it imports them, as the
project configures it.

``python_files`` (``test-*.py``, ``check_*.py``) names the test modules of a
project whose tests are not named pytest's way; they are test code all the
same (marked for pytest-asyncio, their mocks ported, their requirements
kept apart). Read from the file pytest itself would take for a folder: the
nearest one at or above it that is ``pytest.ini`` or ``.pytest.ini``, or
holds a pytest section (``pyproject.toml``'s ``[tool.pytest.ini_options]``,
``tox.ini``'s ``[pytest]``, ``setup.cfg``'s ``[tool:pytest]``). What cannot
be read counts as no setting: pytest's own names still hold.
"""

from __future__ import annotations

import configparser
import fnmatch
import functools
import sys
from pathlib import Path, PurePath
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Each file pytest reads, with the section it looks for there (None: the whole file is
# pytest's), in the order it looks at them in one folder.
_CONFIGS = (
    ("pytest.ini", "pytest"),
    (".pytest.ini", "pytest"),
    ("pyproject.toml", None),
    ("tox.ini", "pytest"),
    ("setup.cfg", "tool:pytest"),
)


def configured_test_file(path: str) -> bool:
    """Whether ``path`` matches the ``python_files`` its project's pytest
    configuration sets (False where none is set)."""
    pure = PurePath(path)
    patterns = _words(_settings(str(pure.parent)).get("python_files", ""))
    name = pure.name
    return any(
        fnmatch.fnmatch(str(pure) if "/" in pattern else name, pattern) for pattern in patterns
    )


def imports_by_file(folder: str) -> bool:
    """Whether pytest imports the test modules of ``folder`` with
    ``--import-mode=importlib``, which puts no test folder on ``sys.path``: a
    module beside the tests is no import of theirs unless ``pythonpath`` says so."""
    options = _words(_settings(folder).get("addopts", ""))
    given = " ".join(options)
    return "--import-mode=importlib" in given or "--import-mode importlib" in given


def _words(value: str | list[str]) -> list[str]:
    return value.split() if isinstance(value, str) else [str(v) for v in value]


@functools.lru_cache(maxsize=1024)
def _settings(folder: str) -> dict[str, Any]:
    """The settings of the pytest configuration governing ``folder``."""
    here = Path(folder)
    for place in (here, *here.parents):
        for name, section in _CONFIGS:
            found = _read(place / name, section)
            if found is not None:
                return found
    return {}


def _read(path: Path, section: str | None) -> dict[str, Any] | None:
    """The file's pytest settings; None when the file is absent or holds no
    pytest section, so pytest would look further up."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        if section is None:
            options = tomllib.loads(text).get("tool", {}).get("pytest", {})
            found = options.get("ini_options")
            return dict(found) if isinstance(found, dict) else None
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(text)
    except (OSError, UnicodeDecodeError, ValueError, configparser.Error):
        return None
    if not parser.has_section(section):
        return {} if path.name in ("pytest.ini", ".pytest.ini") else None
    return dict(parser.items(section))
