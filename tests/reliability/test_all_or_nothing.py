"""``migrate apply`` replaces every file or none; ``migrate undo`` puts them back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.cli import main
from migrate.rewrite import journal as journal_module
from migrate.rewrite.journal import Change, Journal

SERVICE = textwrap.dedent(
    """\
    import requests


    def fetch_{n}(url):
        return requests.get(url, timeout=5).json()
    """
)
VIEWS = "from services import {names}\n\n\ndef page(url):\n    return [{calls}]\n"


def make_project(root: Path, count: int = 5) -> Path:
    pkg = root / "proj" / "services"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(
        "".join(f"from .s{n} import fetch_{n}\n" for n in range(count))
    )
    for n in range(count):
        (pkg / f"s{n}.py").write_text(SERVICE.format(n=n))
    names = ", ".join(f"fetch_{n}" for n in range(count))
    calls = ", ".join(f"fetch_{n}(url)" for n in range(count))
    (root / "proj" / "views.py").write_text(VIEWS.format(names=names, calls=calls))
    return root / "proj"


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".migrate" not in p.parts and "__pycache__" not in p.parts
    }


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [*map(str, args)])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture
def migrated_once(tmp_path: Path) -> dict[str, bytes]:
    root = make_project(tmp_path / "once")
    assert run("apply", root, "--jobs", "1").exit_code == 0
    return tree(root)


def test_a_write_that_fails_puts_every_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    before = tree(root)
    real = journal_module.write_atomic
    calls = []

    def flaky(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise PermissionError(13, "Permission denied")
        real(path, data)

    monkeypatch.setattr(journal_module, "write_atomic", flaky)
    result = run("apply", root, "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert f"{calls[2]}: cannot write (Permission denied); nothing was changed" in result.output
    assert tree(root) == before
    assert not Journal(root).is_pending()


def test_sigint_while_writing_puts_every_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    before = tree(root)
    real = journal_module.write_atomic
    calls = []

    def interrupted(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGINT)
        real(path, data)

    monkeypatch.setattr(journal_module, "write_atomic", interrupted)
    result = run("apply", root, "--jobs", "1")
    assert result.exit_code == 128 + signal.SIGINT, result.output
    assert "interrupted" in result.output
    assert tree(root) == before


def test_next_apply_finishes_a_replacement_killed_halfway(
    tmp_path: Path, migrated_once: dict[str, bytes]
) -> None:
    root = make_project(tmp_path)
    # What a run killed after replacing two files leaves: the journal and a mixed tree.
    once = {root / rel: data for rel, data in migrated_once.items()}
    changes = [
        Change(p, p.read_bytes() if p.exists() else b"", once[p], created=not p.exists())
        for p in sorted(once)
        if not p.exists() or once[p] != p.read_bytes()
    ]
    journal = Journal(root.resolve())
    journal.begin([Change(c.path.resolve(), c.old, c.new, c.created) for c in changes])
    journal.replace(changes[:2])
    assert tree(root) != migrated_once

    result = run("apply", root, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert f"finished the apply interrupted earlier: {len(changes) - 2} files" in result.output
    assert tree(root) == migrated_once


def test_a_journal_killed_while_staging_is_dropped(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = tree(root)
    staging = root / ".migrate" / "pending" / "blobs"
    staging.mkdir(parents=True)
    (staging / "0.old").write_bytes(b"partial")
    assert run("apply", root, "--jobs", "1", "--diff").exit_code == 0
    assert tree(root) == before
    assert run("apply", root, "--jobs", "1").exit_code == 0
    assert not (root / ".migrate" / "pending").exists()


def test_undo_puts_back_the_last_apply(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = tree(root)
    assert run("apply", root, "--jobs", "1").exit_code == 0
    changed = [rel for rel, data in tree(root).items() if before.get(rel) != data]
    assert changed
    result = run("undo", root)
    assert result.exit_code == 0, result.output
    assert f"put back {len(changed)} files" in result.output
    assert tree(root) == before
    assert not (root / ".migrate").exists()
    result = run("undo", root)
    assert result.exit_code == 1 and "nothing to undo" in result.output


def test_undo_leaves_everything_when_a_file_changed_since(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run("apply", root, "--jobs", "1").exit_code == 0
    edited = root / "views.py"
    edited.write_text(edited.read_text() + "\nEXTRA = 1\n")
    after = tree(root)
    result = run("undo", root)
    assert result.exit_code == 1
    assert f"refusing {edited.resolve()}: changed since the apply" in result.output.replace(
        "\n", ""
    )
    assert tree(root) == after


def test_not_under_version_control_is_a_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    result = run("apply", root, "--jobs", "1")
    assert result.exit_code == 0
    assert "not under version control" in result.output


WORKERS = textwrap.dedent(
    """\
    import os, sys, time
    from migrate.workers import worker_pool

    def pid(_):
        return os.getpid()

    pool = worker_pool(2)
    pids = set(pool.map(pid, range(8)))
    print(" ".join(map(str, pids)), flush=True)
    time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.ci_may_skip
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_main_process_is_killed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", WORKERS], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert pids and all(_alive(p) for p in pids)
    proc.kill()
    proc.wait()
    proc.stdout.close()
    # Liveness, not speed: the workers go within the watch interval; wait at most 30 s.
    for _ in range(300):
        if not any(_alive(p) for p in pids):
            break
        subprocess.run(["sleep", "0.1"], check=True)
    assert not any(_alive(p) for p in pids)


def test_an_interrupted_apply_is_not_finished_over_a_file_changed_since(
    tmp_path: Path, migrated_once: dict[str, bytes]
) -> None:
    root = make_project(tmp_path)
    once = {root / rel: data for rel, data in migrated_once.items()}
    changes = [
        Change(p, p.read_bytes() if p.exists() else b"", once[p], created=not p.exists())
        for p in sorted(once)
        if not p.exists() or once[p] != p.read_bytes()
    ]
    journal = Journal(root.resolve())
    journal.begin([Change(c.path.resolve(), c.old, c.new, c.created) for c in changes])
    # Killed before replacing anything; then the user edits a file the apply decided on.
    edited = root / "views.py"
    edited.write_text(edited.read_text() + "\nEXTRA = 1\n")
    after = tree(root)
    result = run("apply", root, "--jobs", "1")
    assert result.exit_code != 0
    assert (
        f"an interrupted apply (journal {journal.pending}) cannot be finished:"
        f" {edited.resolve()} changed since; put them back or remove the journal"
    ) in result.output.replace("\n", "")
    assert tree(root) == after


def test_a_journal_in_an_unknown_format_is_named_not_used(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run("apply", root, "--jobs", "1").exit_code == 0
    after = tree(root)
    manifest = root / ".migrate" / "last" / journal_module.MANIFEST
    manifest.write_text(manifest.read_text().replace('"format": 1', '"format": 99'))
    result = run("undo", root)
    assert result.exit_code != 0
    assert f"{manifest.resolve()}: unreadable journal (unknown format 99)" in result.output.replace(
        "\n", ""
    )
    assert tree(root) == after
