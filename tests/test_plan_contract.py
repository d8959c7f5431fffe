"""The plan is the contract between analysis and rewriting.

``migrate plan --json`` writes everything ``migrate apply`` does, so that
``migrate apply --plan plan.json`` carries it out on its own, and gives the
same tree as ``migrate apply`` run directly.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.analyse.run import analyse_paths
from migrate.cli import main
from migrate.plan import Plan, build_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_legacy_app"


def migrate(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [*map(str, args), "--jobs", "1"])
    assert "Traceback" not in result.output, result.output
    return result


def copy_sample(where: Path) -> Path:
    app = where / "sample_legacy_app"
    shutil.copytree(SAMPLE, app, ignore=shutil.ignore_patterns("__pycache__"))
    return app


def tree(root: Path) -> dict[str, bytes]:
    """The project's files; not apply's undo journal, which names where it ran."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {"__pycache__", ".migrate"} & set(p.parts)
    }


def plan_file(app: Path, *args: str) -> Path:
    result = migrate("plan", app, "--json", *args)
    assert result.exit_code == 0, result.output
    path = app.parent / "plan.json"
    path.write_text(result.output, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "scope",
    [(), ("--select", "sample_legacy_app.upstream")],
    ids=["whole-project", "gradual-step"],
)
def test_apply_of_a_saved_plan_gives_the_same_tree(tmp_path: Path, scope: tuple[str, ...]) -> None:
    direct = copy_sample(tmp_path / "direct")
    planned = copy_sample(tmp_path / "planned")
    before = tree(planned)

    assert migrate("apply", direct, *scope).exit_code == 0
    saved = plan_file(planned, *scope)
    result = migrate("apply", "--plan", saved)
    assert result.exit_code == 0, result.output

    after = tree(planned)
    assert after == tree(direct)
    assert after != before  # the plan did something
    if scope:  # a gradual step leaves the rest sync, behind bridges
        assert b"async_to_sync(fetch_weather)" in after["views/dashboard.py"]


def test_the_json_plan_reads_back_as_the_same_plan() -> None:
    plan = build_plan(analyse_paths([SAMPLE], jobs=1))
    again = Plan.from_json(json.loads(json.dumps(plan.to_json())))
    assert again == plan
    assert again.edits and again.sources


def test_a_plan_older_than_the_code_is_refused(tmp_path: Path) -> None:
    app = copy_sample(tmp_path)
    saved = plan_file(app)
    upstream = app / "upstream.py"
    upstream.write_text(upstream.read_text() + "\n# edited after the plan\n")
    before = tree(app)

    result = migrate("apply", "--plan", saved)
    assert result.exit_code == 2
    assert "upstream.py changed since the plan was made" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree(app) == before


def test_a_plan_carries_its_own_scope(tmp_path: Path) -> None:
    app = copy_sample(tmp_path)
    saved = plan_file(app)
    result = migrate("apply", "--plan", saved, "--select", "x")
    assert result.exit_code == 2
    assert "--plan carries its own scope: drop --select" in result.output


def test_a_file_that_is_not_a_plan_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text('{"schema": "something-else"}')
    result = migrate("apply", "--plan", bad)
    assert result.exit_code == 2
    assert "not a migrate-plan/2 plan" in result.output
