"""``migrate apply`` end to end on temporary copies: it must never hurt a file."""

from __future__ import annotations

import ast
import re
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.cli import main
from migrate.plan.edits import FileEdits
from migrate.rewrite import engine

APP = textwrap.dedent(
    """\
    import time

    import requests


    def fetch(url):
        resp = requests.get(url, timeout=5)
        time.sleep(0.1)
        return resp.json()
    """
)
PLAIN = textwrap.dedent(
    """\
    import time


    def stamp():
        return time.time()
    """
)


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, ["apply", *map(str, args), "--jobs", "1"])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*.py"))
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "app.py").write_text(APP)
    (root / "plain.py").write_text(PLAIN)
    return root


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    before = snapshot(project)
    result = run(project, "--diff")
    assert result.exit_code == 0, result.output
    assert "--- a/" in result.output and "+++ b/" in result.output
    assert "a//" not in result.output
    assert "-import requests" in result.output
    assert "+    await asyncio.sleep(0.1)" in result.output
    assert snapshot(project) == before


def test_check_exits_1_while_changes_are_pending_and_0_after_apply(project: Path) -> None:
    before = snapshot(project)
    assert run(project, "--check").exit_code == 1
    assert snapshot(project) == before
    assert run(project).exit_code == 0
    assert run(project, "--check").exit_code == 0


def test_files_with_uncommitted_changes_are_refused_unless_forced(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "start")
    dirty = APP + "\n\nEXTRA = 1\n"
    (project / "app.py").write_text(dirty)
    result = run(project)
    assert result.exit_code == 2, result.output
    assert "app.py" in result.output and "uncommitted" in result.output
    assert (project / "app.py").read_text() == dirty

    result = run(project, "--force")
    assert result.exit_code == 0, result.output
    assert "async def fetch" in (project / "app.py").read_text()


def test_clean_git_files_are_rewritten(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "start")
    assert run(project).exit_code == 0
    assert "async def fetch" in (project / "app.py").read_text()


def test_files_with_nothing_to_change_are_never_written(project: Path) -> None:
    before = snapshot(project)["plain.py"]
    assert run(project).exit_code == 0
    assert snapshot(project)["plain.py"] == before


def test_file_mode_is_kept(project: Path) -> None:
    app = project / "app.py"
    app.chmod(0o750)
    assert run(project).exit_code == 0
    assert "async def" in app.read_text()
    assert stat.S_IMODE(app.stat().st_mode) == 0o750
    assert not [p for p in project.iterdir() if p.name.endswith(".migrate") and p.is_file()]


def _untouched_lines(old: bytes, new: bytes, kept: list[bytes]) -> None:
    for line in kept:
        assert line in old and line in new, line


def test_bom_survives(project: Path) -> None:
    app = project / "app.py"
    app.write_bytes(b"\xef\xbb\xbf# caf\xc3\xa9\n" + APP.encode())
    assert run(project).exit_code == 0
    new = app.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf# caf\xc3\xa9\nimport asyncio\n")
    assert new.count(b"\xef\xbb\xbf") == 1
    assert b"async def fetch" in new


def test_crlf_line_endings_survive(project: Path) -> None:
    app = project / "app.py"
    old = APP.replace("\n", "\r\n").encode()
    app.write_bytes(old)
    assert run(project).exit_code == 0
    new = app.read_bytes()
    assert b"async def fetch" in new
    assert new.count(b"\n") == new.count(b"\r\n"), new
    _untouched_lines(old, new, [b"    return resp.json()\r\n"])


def test_latin1_file_survives(project: Path) -> None:
    app = project / "app.py"
    old = ("# -*- coding: latin-1 -*-\n# d\xe9j\xe0 vu\n" + APP).encode("latin-1")
    app.write_bytes(old)
    assert run(project).exit_code == 0
    new = app.read_bytes()
    assert new.startswith(b"# -*- coding: latin-1 -*-\n# d\xe9j\xe0 vu\n")
    assert "async def fetch" in new.decode("latin-1")
    compile(new, "app.py", "exec")


def test_unparsable_and_undecodable_files_are_reported_and_left_alone(project: Path) -> None:
    broken = project / "broken.py"
    broken.write_bytes(b"import requests\n\ndef f(:\n    requests.get('x')\n")
    undecodable = project / "undecodable.py"
    undecodable.write_bytes(b"import requests\n# \xff\xfe\n\ndef g():\n    requests.get('x')\n")
    before = snapshot(project)
    result = run(project)
    assert "Traceback" not in result.output
    for name in ("broken.py", "undecodable.py"):
        lines = [line for line in result.output.splitlines() if name in line]
        assert len(lines) == 1, (name, result.output)
        assert snapshot(project)[name] == before[name]
    assert "async def fetch" in (project / "app.py").read_text()


def test_a_file_that_cannot_be_rewritten_keeps_the_whole_tree_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # caller.py awaits fetch once migrated: app.py cannot stay behind alone.
    (project / "caller.py").write_text(
        "from app import fetch\n\n\ndef run(u):\n    return fetch(u)\n"
    )
    rewrite_source = engine.rewrite_source

    def failing(old: bytes, edits: FileEdits, *args: object) -> object:
        if Path(edits.path).name == "app.py":
            raise RuntimeError("a rule bug")
        return rewrite_source(old, edits, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "rewrite_source", failing)
    before = snapshot(project)
    result = run(project)
    assert result.exit_code == 1
    assert snapshot(project) == before
    assert "app.py: rewrite failed (RuntimeError: a rule bug)" in result.output
    assert "nothing written" in result.output
    assert run(project, "--partial").exit_code == 1
    assert "async def run" in (project / "caller.py").read_text()
    assert snapshot(project)["app.py"] == before["app.py"]


def test_output_always_parses_and_a_second_run_changes_nothing(project: Path) -> None:
    assert run(project).exit_code == 0
    for path in project.rglob("*.py"):
        ast.parse(path.read_bytes())
    after = snapshot(project)
    result = run(project)
    assert result.exit_code == 0, result.output
    assert snapshot(project) == after
    assert run(project, "--check").exit_code == 0


def test_disable_leaves_sleeps_alone(project: Path) -> None:
    assert run(project, "--disable", "MIG002").exit_code == 0
    text = (project / "app.py").read_text()
    assert "async def fetch" in text
    assert "time.sleep(0.1)" in text and "asyncio" not in text


def test_disable_takes_a_rule_name_too(project: Path) -> None:
    assert run(project, "--disable", "sleep").exit_code == 0
    assert "time.sleep(0.1)" in (project / "app.py").read_text()


def test_unknown_disable_code_is_a_usage_error(project: Path) -> None:
    before = snapshot(project)
    result = run(project, "--disable", "MIG999")
    assert result.exit_code == 2
    assert "MIG999" in result.output
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["does-not-exist"], id="missing-path"),
        pytest.param(["--http-module", "aiohttp", "."], id="bad-http-module"),
        pytest.param(["--max-concurrency", "0", "."], id="bad-concurrency"),
        pytest.param([], id="no-path"),
    ],
)
def test_bad_input_is_a_usage_error_without_traceback(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output


def test_empty_folder_and_non_python_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("requests.get('x')\n")
    result = run(tmp_path)
    assert result.exit_code == 0, result.output
    assert "no Python files found in" in result.output
    assert (tmp_path / "notes.txt").read_text() == "requests.get('x')\n"


def many_files(root: Path, count: int) -> Path:
    root.mkdir()
    for i in range(count):
        (root / f"client_{i}.py").write_text(APP)
    (root / "broken.py").write_text("import requests\n\ndef f(:\n    requests.get('x')\n")
    return root


def test_progress_counts_files_on_a_terminal(tmp_path: Path) -> None:
    from io import StringIO

    from rich.console import Console

    from migrate.apply import run_apply

    root = many_files(tmp_path / "proj", 5)
    screen = StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    report = run_apply((root,), jobs=1, write=False, console=console)
    rewritten = [r for r in report.changed if r.path.name.startswith("client_")]
    assert len(rewritten) == 5
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "5/5 files" in shown


def test_no_progress_when_not_a_terminal_and_summary_counts_skipped_and_failed(
    tmp_path: Path,
) -> None:
    root = many_files(tmp_path / "proj", 3)
    result = run(root, "--diff")
    assert "rewriting" not in result.output and "3/3" not in result.output
    # The three clients, and the helpers module they now import from.
    assert re.search(r"files to change\s*│\s*4\b", result.output), result.output
    assert re.search(r"files skipped \(unreadable\)\s*│\s*1\b", result.output), result.output
    assert re.search(r"files failed \(left untouched\)\s*│\s*0\b", result.output), result.output
