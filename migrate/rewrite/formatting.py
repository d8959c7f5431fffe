"""The project's own formatter, run on the files a migration changes.

As libcst's codemod runner does: when the project configures ``ruff format``
or ``black``, each changed file's new text goes through it (on stdin, with
the file's path so the project's settings apply) before it is shown or
written. Files the migration leaves alone are never formatted, and neither
is a file the formatter would have changed before the migration: formatting
it would rewrite lines the migration never touched, so it keeps the
rewrite's own layout (lines wrapped to the project's length).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from ..verify.checks import parse_error
from .engine import FileResult


def _executable(name: str) -> str | None:
    """The formatter on PATH, or installed next to the running Python."""
    found = shutil.which(name)
    if found:
        return found
    sibling = Path(sys.executable).with_name(name)
    return str(sibling) if sibling.exists() else None


def _command(formatter: str, path: Path) -> list[str] | None:
    executable = _executable(formatter)
    if executable is None:
        return None
    if formatter == "ruff":
        return [executable, "format", "--stdin-filename", str(path), "-"]
    return [executable, "--quiet", "--stdin-filename", str(path), "-"]


def format_results(results: Iterable[FileResult], formatter: str, root: Path | None) -> str | None:
    """Format the new text of every changed Python file in place.

    Returns a warning for the summary when the formatter cannot run; a file
    it cannot format keeps the rewrite's own layout.
    """
    changed = [
        r for r in results if r.changed and r.error is None and r.path.suffix in (".py", ".pyi")
    ]
    if not changed:
        return None
    if _command(formatter, changed[0].path) is None:
        return f"{formatter} is configured but not installed: changed files were not formatted"
    failed: list[str] = []
    for result in changed:
        command = _command(formatter, result.path)
        assert command is not None and result.new is not None
        cwd = root or result.path.parent
        before = _formatted(command, result.old, cwd) if result.old else None
        if before is not None and before != result.old:
            continue  # not kept formatted: only the migrated lines change
        formatted = _formatted(command, result.new, cwd)
        if formatted is None:
            failed.append(result.path.name)
            continue
        result.new = formatted
    if failed:
        return f"{formatter} could not format {', '.join(failed)}: left as rewritten"
    return None


def _formatted(command: list[str], text: bytes, cwd: Path) -> bytes | None:
    """``text`` as the formatter writes it; None where it fails."""
    done = subprocess.run(
        command, input=text, capture_output=True, cwd=cwd, check=False, timeout=120
    )
    if done.returncode != 0 or not done.stdout or parse_error(done.stdout) is not None:
        return None
    return done.stdout
