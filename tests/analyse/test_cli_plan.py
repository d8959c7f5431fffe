"""``migrate plan`` end to end through the CLI."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from migrate.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DOC = REPO / "docs" / "plan-schema.md"
EXAMPLES = REPO / "tests" / "examples"

FETCH = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url).json()
    """
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["plan", *args, "--jobs", "1"])


def plan_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    data: dict[str, Any] = json.loads(result.output)
    # A skipped file makes the run incomplete, as in apply; the plan is printed all the same.
    assert result.exit_code == (1 if data["failures"] else 0), result.output
    return data


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def converted(data: dict[str, Any]) -> set[str]:
    return {c["function"] for c in data["conversions"]}


# -- the documented schema ------------------------------------------------------


def documented_keys() -> set[str]:
    keys = set()
    for line in SCHEMA_DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `([a-z_\[\].]+)` \|", line)
        if match:
            keys.add(match.group(1))
    return keys


def json_keys(value: Any, prefix: str = "") -> set[str]:
    keys: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            keys.add(path)
            if path != "edits":  # its inner form is the code's (docs/plan-schema.md)
                keys |= json_keys(item, path)
    elif isinstance(value, list):
        for item in value:
            keys |= json_keys(item, prefix + "[]")
    return keys


@pytest.fixture
def rich_project(tmp_path: Path) -> Path:
    """A project whose plan fills every section: conversions to failures."""
    root = tmp_path / "proj"
    root.mkdir()
    shutil.copy(EXAMPLES / "calls.py", root / "calls.py")  # review items, spots
    shutil.copy(EXAMPLES / "boundaries.py", root / "boundaries.py")  # bridges
    shutil.copy(EXAMPLES / "catalogue_bridged.py", root / "bridged.py")
    write(root, "broken.py", "def broken(:\n")
    return root


def test_json_keys_are_exactly_the_documented_ones(rich_project: Path) -> None:
    data = plan_json(str(rich_project), "--steps")
    sections = ("conversions", "blocking_calls", "bridges", "concurrency", "needs_review", "steps")
    for section in sections:
        assert data[section], f"{section} is empty: the key check would prove nothing"
    assert data["failures"]
    found, documented = json_keys(data), documented_keys()
    assert found - documented == set(), "keys in the JSON missing from docs/plan-schema.md"
    assert documented - found == set(), "keys documented but not in the JSON"


def test_json_values_have_the_documented_types(rich_project: Path) -> None:
    data = plan_json(str(rich_project))
    assert data["schema"] == "migrate-plan/2"
    assert data["roots"] == [str(rich_project)]
    assert all(isinstance(v, int) for v in data["summary"].values())
    summary = data["summary"]
    assert summary["functions_to_convert"] == len(data["conversions"])
    assert summary["blocking_calls"] == len(data["blocking_calls"])
    assert summary["failures"] == len(data["failures"])
    assert summary["files_to_change"] == len(data["files_to_change"])
    spots = data["concurrency"]
    assert summary["concurrency_spots"] + summary["kept_sequential"] == len(spots)
    for call in data["blocking_calls"]:
        assert call["action"] in ("rewrite", "bridge")
        assert isinstance(call["where"]["line"], int)
    for bridge in data["bridges"]:
        assert bridge["kind"] in ("async_to_sync", "asyncio.run", "sync_to_async")
        assert isinstance(bridge["thread_sensitive"], bool)


# -- exit codes and failures ------------------------------------------------------


def test_exit_0_and_a_report_on_the_sample() -> None:
    result = run(str(REPO / "sample_legacy_app"))
    assert result.exit_code == 0, result.output
    assert "functions become async" in result.output


def test_exit_2_for_a_missing_path(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere" in result.output and "no such file" in result.output


def test_bad_files_are_failures_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "good.py", FETCH)
    write(tmp_path, "syntax.py", "import requests\n\ndef broken(:\n    pass\n")
    write(tmp_path, "latin.py", b"import requests\nname = '\xe9t\xe9'\n")
    data = plan_json(str(tmp_path))
    assert "good.fetch" in converted(data)
    failures = {Path(f["path"]).name: f["reason"] for f in data["failures"]}
    assert set(failures) == {"syntax.py", "latin.py"}
    assert "does not parse" in failures["syntax.py"] and "line 3" in failures["syntax.py"]
    assert "utf-8" in failures["latin.py"]
    assert all("\n" not in reason for reason in failures.values())

    text = run(str(tmp_path))
    assert text.exit_code == 1
    lines = [line for line in text.output.splitlines() if line.startswith("skipped")]
    assert len(lines) == 2
    assert any("syntax.py" in line and "does not parse" in line for line in lines)
    assert any("latin.py" in line and "utf-8" in line for line in lines)


def test_syntax_error_in_a_file_that_is_not_a_seed_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "good.py", FETCH)
    write(tmp_path, "plain.py", "x = (\n")
    data = plan_json(str(tmp_path))
    assert [Path(f["path"]).name for f in data["failures"]] == ["plain.py"]


# -- which files take part ----------------------------------------------------------


def test_default_excludes(tmp_path: Path) -> None:
    write(tmp_path, "app.py", FETCH)
    for folder in (".venv/lib", "build/lib", "env/site-packages/pkg"):
        write(tmp_path, f"{folder}/vendored.py", FETCH)
    data = plan_json(str(tmp_path))
    assert data["summary"]["files"] == 1
    assert converted(data) == {"app.fetch"}


def test_exclude_glob(tmp_path: Path) -> None:
    write(tmp_path, "app.py", FETCH)
    write(tmp_path, "legacy/old.py", FETCH)
    write(tmp_path, "scripts/tool_gen.py", FETCH)
    data = plan_json(str(tmp_path))
    # Folders without __init__.py are namespace packages: their name counts.
    assert converted(data) == {"app.fetch", "legacy.old.fetch", "scripts.tool_gen.fetch"}
    data = plan_json(str(tmp_path), "--exclude", "legacy", "--exclude", "*_gen.py")
    assert converted(data) == {"app.fetch"}
    assert data["summary"]["files"] == 1


def test_generated_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "app.py", FETCH)
    write(tmp_path, "client_pb2.py", "# @generated by protoc\n" + FETCH)
    data = plan_json(str(tmp_path))
    assert converted(data) == {"app.fetch"}
    assert data["failures"] == []


# -- scope ----------------------------------------------------------------------------

SCOPED = {
    "api.py": FETCH,
    "views.py": "from api import fetch\n\n\ndef page():\n    return fetch('u')\n",
    "jobs.py": "from api import fetch\n\n\ndef nightly():\n    return fetch('n')\n",
}


@pytest.fixture
def scoped_project(tmp_path: Path) -> Path:
    for rel, text in SCOPED.items():
        write(tmp_path, rel, text)
    return tmp_path


def test_everything_in_scope_by_default(scoped_project: Path) -> None:
    assert converted(plan_json(str(scoped_project))) == {"api.fetch", "views.page", "jobs.nightly"}


def test_exclude_name_keeps_code_sync_behind_a_bridge(scoped_project: Path) -> None:
    data = plan_json(str(scoped_project), "--exclude-name", "jobs")
    assert converted(data) == {"api.fetch", "views.page"}
    bridges = [(b["function"], b["callee"], b["kind"]) for b in data["bridges"]]
    assert bridges == [("jobs.nightly", "api.fetch", "async_to_sync")]
    assert data["options"]["exclude_names"] == ["jobs"]


def test_select_limits_the_plan(scoped_project: Path) -> None:
    data = plan_json(str(scoped_project), "--select", "api*", "--select", "views.*")
    assert converted(data) == {"api.fetch", "views.page"}
    assert {b["function"] for b in data["bridges"]} == {"jobs.nightly"}
    assert data["options"]["select"] == ["api*", "views.*"]


def test_selecting_a_caller_without_the_function_that_blocks_says_so(
    scoped_project: Path,
) -> None:
    data = plan_json(str(scoped_project), "--select", "views")
    assert converted(data) == set()
    reviews = [(r["function"], r["reason"]) for r in data["needs_review"]]
    assert reviews == [
        (
            "views.page",
            "calls api.fetch, which blocks but is not selected; add it to --select"
            " to migrate this call chain in the same step",
        )
    ]
    # Left out on purpose: no advice to take it in.
    data = plan_json(str(scoped_project), "--select", "views", "--exclude-name", "api")
    assert data["needs_review"] == []
