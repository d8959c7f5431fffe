"""All or nothing: the journal that makes replacing many files one step.

Before the first file is replaced, the old and new bytes of every file go
to ``.migrate/pending/`` next to the roots, and a manifest naming them is
put in place with one atomic rename: from then on the replacement is
decided. Files are then replaced one by one (each atomically, see
``write_atomic``), and the journal is renamed to ``.migrate/last``.

A run killed at any moment leaves one of three states, and the next
``migrate apply`` settles each the same way an uninterrupted run would:
no manifest (nothing was replaced; the staging is dropped), a manifest
(the replacement is finished: files still holding their old bytes get the
new ones), or ``last`` (done). ``migrate undo`` puts back what the last
apply replaced, itself through a journal, so that an interrupted undo is
finished the same way.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from .write import write_atomic

JOURNAL_DIR = ".migrate"
# The checksum recorded for "no such file" (a created file before, a removed one after).
ABSENT = "absent"
MANIFEST = "manifest.json"
FORMAT = 1
# What a journal replaces: an apply's changes, or an undo's (that leaves no journal).
JournalKind = Literal["apply", "undo"]


class JournalError(Exception):
    """The journal cannot be read or written; the message names the file."""


class WriteError(Exception):
    """A file could not be replaced."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"{path}: cannot write ({error.strerror or error})")
        self.path = path


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Change:
    """One file to replace: ``path`` is the real file (symlinks resolved).

    A file the run creates (a helpers module) has ``created`` set: before,
    it was absent, and putting things back removes it.
    """

    path: Path
    old: bytes
    new: bytes
    created: bool = False
    removes: bool = False  # undoing a created file removes it


@dataclass
class Settled:
    """What settling a journal did."""

    finished: list[Path] = field(default_factory=list)
    conflicts: list[Path] = field(default_factory=list)


def journal_root(roots: Iterable[Path]) -> Path:
    """Where the journal lives: the folder holding every root."""
    dirs = [(r if r.is_dir() else r.parent).resolve() for r in roots]
    return Path(os.path.commonpath(dirs)) if dirs else Path.cwd()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Journal:
    """The journal folder of one project (``<root>/.migrate``)."""

    def __init__(self, root: Path) -> None:
        self.base = root / JOURNAL_DIR
        self.pending = self.base / "pending"
        self.last = self.base / "last"

    # -- state -------------------------------------------------------------------

    def is_pending(self) -> bool:
        return (self.pending / MANIFEST).is_file()

    def has_last(self) -> bool:
        return (self.last / MANIFEST).is_file()

    def _read(self, folder: Path) -> tuple[JournalKind, list[dict[str, str]]]:
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            kind = data["kind"]
            if kind not in get_args(JournalKind):
                raise ValueError(f"unknown kind {kind!r}")
            return kind, list(data["files"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise JournalError(f"{folder / MANIFEST}: unreadable journal ({exc})") from None

    # -- writing -------------------------------------------------------------------

    def begin(self, changes: Sequence[Change], kind: JournalKind = "apply") -> None:
        """Stage every change; once this returns, the replacement is decided."""
        self.base.mkdir(exist_ok=True)
        # Git never needs to see the journal.
        ignore = self.base / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        if self.pending.exists():
            shutil.rmtree(self.pending)
        blobs = self.pending / "blobs"
        blobs.mkdir(parents=True)
        entries = []
        for number, change in enumerate(changes):
            for suffix, data in (("old", change.old), ("new", change.new)):
                with open(blobs / f"{number}.{suffix}", "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            entries.append(
                {
                    "path": str(change.path),
                    "blob": str(number),
                    "old": ABSENT if change.created else _sha(change.old),
                    "new": ABSENT if change.removes else _sha(change.new),
                }
            )
        _fsync_dir(blobs)
        tmp = self.pending / (MANIFEST + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump({"format": FORMAT, "kind": kind, "files": entries}, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.pending / MANIFEST)
        _fsync_dir(self.pending)

    def replace(
        self, changes: Sequence[Change], stop: Callable[[], bool] = lambda: False
    ) -> list[Path]:
        """Write the new bytes; returns the files written (fewer when ``stop`` says so).

        A ``WriteError`` leaves the files written so far as they are: the caller
        rolls back with ``roll_back``.
        """
        written = []
        for change in changes:
            if stop():
                break
            try:
                if change.removes:
                    change.path.unlink(missing_ok=True)
                else:
                    write_atomic(change.path, change.new)
            except OSError as exc:
                raise WriteError(change.path, exc) from None
            written.append(change.path)
        return written

    def commit(self) -> None:
        """The replacement is complete: keep its journal as the one ``undo`` uses."""
        kind, _ = self._read(self.pending)
        old_last = self.base / "last.old"
        if old_last.exists():
            shutil.rmtree(old_last)
        if self.last.exists():
            os.replace(self.last, old_last)
        if kind == "undo":
            shutil.rmtree(self.pending)
        else:
            os.replace(self.pending, self.last)
        _fsync_dir(self.base)
        if old_last.exists():
            shutil.rmtree(old_last)

    def roll_back(self) -> list[Path]:
        """Put the old bytes back in every file that has the new ones; drop the journal."""
        restored = []
        if self.is_pending():
            _, entries = self._read(self.pending)
            for entry in entries:
                path = Path(entry["path"])
                if _current_sha(path) == entry["new"]:
                    if entry["old"] == ABSENT:
                        path.unlink(missing_ok=True)
                    else:
                        write_atomic(path, self._blob(self.pending, entry, "old"))
                    restored.append(path)
        if self.pending.exists():
            shutil.rmtree(self.pending)
        return restored

    def _blob(self, folder: Path, entry: dict[str, str], which: str) -> bytes:
        blob = folder / "blobs" / f"{entry['blob']}.{which}"
        try:
            data = blob.read_bytes()
        except OSError as exc:
            raise JournalError(f"{blob}: cannot read ({exc.strerror or exc})") from None
        if _sha(data) != entry[which]:
            raise JournalError(f"{blob}: damaged (checksum differs)")
        return data

    # -- settling what an interrupted run left ---------------------------------------

    def settle(self) -> Settled:
        """Finish a replacement an interrupted run decided on; drop one it had not."""
        settled = Settled()
        for leftover in (self.base / "last.old",):
            if leftover.exists():
                shutil.rmtree(leftover)
        if not self.pending.exists():
            return settled
        if not self.is_pending():
            # Killed while staging: nothing was replaced yet.
            shutil.rmtree(self.pending)
            return settled
        _, entries = self._read(self.pending)
        todo = []
        for entry in entries:
            path = Path(entry["path"])
            # A kill inside ``write_atomic`` leaves its temporary file: never the real one.
            for litter in path.parent.glob(f".{glob.escape(path.name)}.*.migrate"):
                litter.unlink(missing_ok=True)
            current = _current_sha(path)
            if current == entry["new"]:
                continue
            if current == entry["old"]:
                if entry["new"] == ABSENT:
                    todo.append(Change(path, b"", b"", removes=True))
                else:
                    todo.append(Change(path, b"", self._blob(self.pending, entry, "new")))
            else:
                settled.conflicts.append(path)
        if settled.conflicts:
            return settled
        settled.finished = self.replace(todo)
        self.commit()
        return settled

    def undo_changes(self) -> tuple[list[Change], list[Path]]:
        """The changes that put back what the last apply replaced, and the files
        changed since (left alone: their edits would be lost)."""
        _, entries = self._read(self.last)
        changes, conflicts = [], []
        for entry in entries:
            path = Path(entry["path"])
            current = _current_sha(path)
            if current == entry["old"]:
                continue
            if current != entry["new"]:
                conflicts.append(path)
                continue
            new = self._blob(self.last, entry, "new")
            if entry["old"] == ABSENT:
                changes.append(Change(path, new, b"", removes=True))
            else:
                changes.append(Change(path, new, self._blob(self.last, entry, "old")))
        return changes, conflicts

    def forget_last(self) -> None:
        if self.last.exists():
            shutil.rmtree(self.last)

    def tidy(self) -> None:
        """Remove the journal folder when it holds nothing (a run that wrote nothing)."""
        if self.base.is_dir() and not self.pending.exists() and not self.last.exists():
            shutil.rmtree(self.base, ignore_errors=True)


def _current_sha(path: Path) -> str | None:
    """The checksum of what ``path`` holds now (ABSENT when there is no file)."""
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return ABSENT
    except OSError:
        return None
