"""``migrate plan`` read in an 80-column terminal: whole names and paths, short output.

The names the report shows are the names ``--select`` accepts; a ``--select``
that matches nothing is one line and exit 2; a target with no Python file is
one line and exit 0 (as in ruff).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from scopes import shared

from migrate.cli import main
from migrate.plan.render import LIMIT

REPO = Path(__file__).resolve().parents[2]
SAMPLE = "sample_legacy_app"


def run(*args: str, columns: int = 80) -> Result:
    runner = CliRunner()
    return runner.invoke(main, [*args, "--jobs", "1"], env={"COLUMNS": str(columns)})


@pytest.fixture(scope="module", autouse=True)
def in_repo(monkeypatch_module: pytest.MonkeyPatch) -> None:
    monkeypatch_module.chdir(REPO)


@pytest.fixture(scope="module")
def monkeypatch_module() -> Any:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope=shared)
def plan_text() -> str:
    result = run("plan", SAMPLE, "--verbose")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope=shared)
def plan_data() -> dict[str, Any]:
    result = run("plan", SAMPLE, "--json", "--steps")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_lines_fit_80_columns_and_nothing_is_cut(plan_text: str) -> None:
    assert "…" not in plan_text and "..." not in plan_text
    for line in plan_text.splitlines():
        # A word wider than the terminal may overflow whole; none here is.
        assert len(line) <= 80, line
        assert line == line.rstrip(), f"trailing spaces: {line!r}"


def test_paths_are_whole(plan_text: str, plan_data: dict[str, Any]) -> None:
    shown = set(re.findall(r"([\w/]+\.py):\d+", plan_text))
    assert shown, plan_text
    for path in shown:
        assert (REPO / path).is_file(), path
    expected = {c["where"]["path"] for c in plan_data["conversions"]}
    expected |= {b["where"]["path"] for b in plan_data["bridges"]}
    assert expected <= shown


def test_paths_open_from_the_folder_the_command_ran_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pkg" / "api.py").write_text(
        "import requests\n\n\ndef fetch(url):\n    return requests.get(url).json()\n",
        encoding="utf-8",
    )
    for cwd, root in ((tmp_path, "pkg"), (tmp_path / "pkg", ".")):
        monkeypatch.chdir(cwd)
        result = run("plan", root)
        assert result.exit_code == 0, result.output
        shown = re.findall(r"at ([\w/.]+\.py):\d+", result.output)
        assert shown and all((cwd / path).is_file() for path in shown), (cwd, shown)


def test_reason_chain_is_one_link_a_line(plan_text: str, plan_data: dict[str, Any]) -> None:
    longest = max(plan_data["conversions"], key=lambda c: len(c["chain"]))
    assert len(longest["chain"]) >= 3
    lines = plan_text.splitlines()
    start = next(i for i, line in enumerate(lines) if f" {longest['function']}  [" in line)
    entry = []
    for line in lines[start + 1 :]:
        if not line.startswith("     "):
            break
        entry.append(line.strip())
    links = [line for line in entry if line.startswith(("async because", "which calls"))]
    assert len(links) == len(longest["chain"]), entry
    assert links[0].startswith("async because it wraps")


def test_every_function_shown_and_its_module_are_selectable(
    plan_text: str, plan_data: dict[str, Any]
) -> None:
    rows = re.findall(r"^ *\d+\. (\S+)  \[", plan_text, re.MULTILINE)
    functions = [c["function"] for c in plan_data["conversions"]]
    assert set(functions) <= set(rows)
    modules = {m for step in plan_data["steps"] for m in step["modules"]}
    for function in functions[:1] + functions[-1:]:
        module = max((m for m in modules if function.startswith(m + ".")), key=len)
        assert module in plan_text
        for name in (function, module):
            result = run("plan", SAMPLE, "--select", name, "--json")
            assert result.exit_code == 0, result.output
    selected = run("plan", SAMPLE, "--select", functions[0], "--json")
    assert functions[0] in {c["function"] for c in json.loads(selected.output)["conversions"]}


def test_steps_shows_the_steps_and_the_whole_plan_on_request(plan_data: dict[str, Any]) -> None:
    steps_only = run("plan", SAMPLE, "--steps")
    assert steps_only.exit_code == 0, steps_only.output
    for step in plan_data["steps"]:
        assert step["command"] in steps_only.output
    assert "Functions that become async" not in steps_only.output
    assert f"migrate plan {SAMPLE} --steps --verbose" in steps_only.output

    everything = run("plan", SAMPLE, "--steps", "--verbose")
    assert "Functions that become async" in everything.output
    assert all(step["command"] in everything.output for step in plan_data["steps"])


def test_select_matching_nothing_names_what_is_selectable() -> None:
    for command in (["plan"], ["apply", "--diff"]):
        result = run(*command, SAMPLE, "--select", "sample_legacy_app.nowhere")
        assert result.exit_code == 2, result.output
        (line,) = result.output.splitlines()
        assert "--select sample_legacy_app.nowhere matches no module" in line
        assert "sample_legacy_app.upstream" in line


def test_empty_target_says_no_python_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# nothing here\n", encoding="utf-8")
    for command in ("plan", "apply"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 0, result.output
        (line,) = result.output.splitlines()
        assert line == f"no Python files found in {tmp_path}"


def test_a_huge_file_prints_a_summary_and_verbose_lists_all(tmp_path: Path) -> None:
    count = 5000  # a 20k-line file
    body = "".join(
        f"\n\ndef fetch_{i}(url):\n    return requests.get(url).json()\n" for i in range(count)
    )
    (tmp_path / "huge.py").write_text("import requests\n" + body, encoding="utf-8")
    short = run("plan", str(tmp_path))
    assert short.exit_code == 0, short.output
    assert len(short.output.splitlines()) < 10 * LIMIT
    assert f"and {count - LIMIT} more in huge (--verbose lists them all)" in short.output
    everything = run("plan", str(tmp_path), "--verbose")
    assert len(re.findall(r"^ *\d+\. huge\.fetch_\d+  \[", everything.output, re.M)) == count
