"""Git: a user must always be able to undo what ``migrate apply`` wrote."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


def dirty_files(paths: Iterable[Path]) -> tuple[list[Path], bool]:
    """Files among ``paths`` with uncommitted changes (or untracked), and
    whether they are under git at all. Ignored files count as clean."""
    paths = [p.resolve() for p in paths]
    if not paths:
        return [], True
    cwd = paths[0].parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return [], False
    root = Path(top).resolve()
    inside = [p for p in paths if p.is_relative_to(root)]
    if not inside:
        return [], False
    out = subprocess.run(
        ["git", "status", "--porcelain", "-z", "--", *(str(p.relative_to(root)) for p in inside)],
        cwd=root,
        capture_output=True,
        check=False,
    ).stdout.decode("utf-8", errors="replace")
    dirty = set()
    for entry in out.split("\0"):
        if len(entry) > 3:
            dirty.add((root / entry[3:]).resolve())
    return [p for p in inside if p in dirty], True
