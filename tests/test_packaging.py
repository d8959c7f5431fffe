"""What the wheel ships: the toolkit, not this repository's demo.

The wheel is built from a copy of the repository (the sample apps included,
so leaving them out is the package list's doing), then run on its own:
``migrate compare`` with nothing to compare says what to pass, in one line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from migrate.sample import NO_SAMPLE, SAMPLE_PACKAGES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for name in ("migrate", *SAMPLE_PACKAGES):
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--no-index", "--wheel-dir", str(out), str(source)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("migrate-*.whl")
    return built


def test_the_wheel_ships_migrate_only(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"migrate", next(t for t in tops if t.endswith(".dist-info"))}
    assert "migrate/compare/scenarios/sample_app.json" in names  # package data comes along


def test_compare_servers_are_an_extra(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode())
    requires = meta.get_all("Requires-Dist") or []
    always = {r.split(";")[0].split(">")[0].strip() for r in requires if "extra ==" not in r}
    assert always == {"libcst", "tomli", "click", "rich"}
    compare = {r.split(">")[0].strip() for r in requires if 'extra == "compare"' in r}
    assert {"waitress", "httpx", "werkzeug"} <= compare
    assert "compare" in (meta.get_all("Provides-Extra") or [])


def test_compare_without_arguments_outside_the_repository_says_what_to_pass(
    wheel: Path, tmp_path: Path
) -> None:
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "project"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import migrate; print(migrate.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(installed))  # the wheel's migrate, not the checkout's
    result = subprocess.run(
        [sys.executable, "-m", "migrate", "compare"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == NO_SAMPLE
    assert "--before" in NO_SAMPLE and "--after" in NO_SAMPLE
