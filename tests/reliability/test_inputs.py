"""Bad input is one line naming the file, never a traceback; the exit status tells."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.cli import main
from migrate.read.syntax import needed_python, syntax_reason

APP = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url, timeout=5).json()
    """
)


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [*map(str, args)])
    assert "Traceback" not in result.output, result.output
    assert "internal error" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def lines_naming(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line]


def test_a_file_that_does_not_parse_is_skipped_with_exit_1(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "broken.py").write_text("def f(:\n")
    result = run("apply", tmp_path, "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert len(lines_naming(result.output, "broken.py")) == 1
    assert "async def fetch" in (tmp_path / "app.py").read_text()
    assert (tmp_path / "broken.py").read_text() == "def f(:\n"


@pytest.mark.parametrize("args", [(), ("--json",)])
def test_plan_exits_1_when_a_file_is_skipped(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "broken.py").write_text("def f(:\n")
    result = run("plan", tmp_path, "--jobs", "1", *args)
    assert result.exit_code == 1, result.output
    assert len(lines_naming(result.output, "broken.py")) == 1
    (tmp_path / "broken.py").unlink()
    assert run("plan", tmp_path, "--jobs", "1", *args).exit_code == 0


def test_plan_paths_outside_the_current_folder_are_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(APP)
    (project / "broken.py").write_text("def f(:\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    # A folder: paths start with its own name; one file: its own name.
    folder = run("plan", project, "--jobs", "1").output
    assert "at project/app.py:4" in folder and "skipped project/broken.py:" in folder
    one_file = run("plan", project / "app.py", "--jobs", "1").output
    assert "at app.py:4" in one_file
    # Roots with nothing in common but the filesystem's root: whole paths.
    here = Path(__file__).resolve()
    if here.parts[1] != tmp_path.parts[1]:
        data = json.loads(run("plan", project / "app.py", here, "--jobs", "1", "--json").output)
        assert (project / "app.py").as_posix() in data["files_to_change"]
        assert all(Path(path).is_absolute() for path in data["files_to_change"])
    monkeypatch.chdir(project)
    assert "at app.py:4" in run("plan", ".", "--jobs", "1").output


@pytest.mark.ci_may_skip
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs a Python without PEP 695")
def test_a_file_for_a_newer_python_names_the_python_to_run(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "new.py").write_text("type Pair[T] = tuple[T, T]\n")
    result = run("apply", tmp_path, "--jobs", "1")
    assert result.exit_code == 1
    (line,) = lines_naming(result.output, "new.py")
    assert "run migrate with Python 3.12 or newer" in line


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("match x:\n    case 1:\n        pass\n", (3, 10)),
        ("try:\n    pass\nexcept* ValueError:\n    pass\n", (3, 11)),
        ("type X = int\n", (3, 12)),
        ("def first[T](xs: list[T]) -> T:\n    return xs[0]\n", (3, 12)),
        ("class Box[T]:\n    pass\n", (3, 12)),
        ("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n", (3, 14)),
        ("name = 'x'\ngreeting = t'hello {name}'\n", (3, 14)),
    ],
)
def test_newer_syntax_is_recognised(
    text: str, version: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 9, 0))
    assert needed_python(text) == version
    assert needed_python("x = 1\nmatch = 2\ntype = 3\n") is None


@pytest.mark.parametrize(
    "text",
    [
        "try:\n    pass\nexcept Error, e:\n    pass\n",
        "try:\n    pass\nexcept (KeyError, api.Error), details:\n    pass\n",
        "def main():\n    print 'usage: main'\n",
    ],
)
def test_python_2_code_is_named_as_such(text: str) -> None:
    # ``except Error, e:`` parses on 3.14 as a pair of classes: it is no sign of 3.14.
    with pytest.raises(SyntaxError) as raised:
        compile(text, "old.py", "exec")
    reason = syntax_reason(raised.value, text)
    assert reason.startswith("does not parse: Python 2 code (line ")
    assert reason.endswith("; port it to Python 3 first")


def test_a_docstring_mentioning_print_is_no_python_2() -> None:
    text = '"""\nprint the report\n"""\nrows = (\n'
    with pytest.raises(SyntaxError) as raised:
        compile(text, "new.py", "exec")
    assert syntax_reason(raised.value, text) == "does not parse: '(' was never closed (line 4)"


def test_a_symlink_inside_the_roots_stays_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text(APP)
    link = tmp_path / "alias.py"
    link.symlink_to("real.py")
    result = run("apply", tmp_path, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "async def fetch" in (tmp_path / "real.py").read_text()


def test_a_lone_symlink_is_written_through(tmp_path: Path) -> None:
    # The target has no .py name, so only the link is found: the target is what changes.
    (tmp_path / "tool").write_text(APP)
    link = tmp_path / "tool.py"
    link.symlink_to("tool")
    assert run("apply", tmp_path, "--jobs", "1").exit_code == 0
    assert link.is_symlink()
    assert "async def fetch" in (tmp_path / "tool").read_text()


def test_symlinks_are_never_followed_outside_the_roots(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "lib.py").write_text(APP)
    (outside / "pkg").mkdir()
    (outside / "pkg" / "mod.py").write_text(APP)
    root = tmp_path / "proj"
    root.mkdir()
    (root / "app.py").write_text(APP)
    (root / "lib.py").symlink_to(outside / "lib.py")
    (root / "pkg").symlink_to(outside / "pkg")
    result = run("apply", root, "--jobs", "1")
    assert result.exit_code == 1, result.output
    (line,) = lines_naming(result.output, "lib.py")
    assert "outside the roots" in line
    assert (outside / "lib.py").read_text() == APP
    assert (outside / "pkg" / "mod.py").read_text() == APP
    assert "async def fetch" in (root / "app.py").read_text()


@pytest.mark.parametrize("command", ["plan", "apply"])
def test_a_symlink_loop_is_one_line(tmp_path: Path, command: str) -> None:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "a.py").symlink_to("b.py")
    (tmp_path / "b.py").symlink_to("a.py")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")
    result = run(command, tmp_path, "--jobs", "1")
    for name in ("a.py", "b.py"):
        (line,) = lines_naming(result.output, f"{name}:")
        assert "symlink loop" in line
    if command == "apply":
        assert result.exit_code == 1


def test_a_root_that_is_a_symlink_loop_is_a_usage_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    result = run("plan", loop)
    assert result.exit_code == 2
    assert "symlink loop" in result.output


def test_an_empty_target_says_so(tmp_path: Path) -> None:
    for command in ("plan", "apply"):
        result = run(command, tmp_path)
        assert "no Python files found" in result.output
