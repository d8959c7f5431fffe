"""Installing the toolkit: the wheel builds without deprecation warnings and ships the command.

The build runs without build isolation, on the setuptools the test extra
installs, so it needs no network; the floor in ``build-system.requires`` is
checked against the features the metadata uses (PEP 639 license fields).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_metadata_is_pep_639() -> None:
    project = PYPROJECT["project"]
    assert isinstance(project["license"], str), "license must be an SPDX string, not a table"
    for pattern in project["license-files"]:
        assert list(ROOT.glob(pattern)), f"license-files entry {pattern!r} matches nothing"
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))
    (setuptools,) = [
        Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")
    ]
    # setuptools 77 is the first to read `license = "SPDX"` and `license-files`.
    assert setuptools.specifier.contains(Version("77.0")), setuptools
    assert not setuptools.specifier.contains(Version("76.9")), setuptools


@pytest.fixture(scope="module")
def wheel_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation"),
            *("--disable-pip-version-check", "-w", str(out), str(ROOT)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    (wheel,) = out.glob("migrate-*.whl")
    return wheel, output


def test_wheel_builds_without_deprecation_warnings(wheel_build: tuple[Path, str]) -> None:
    _, output = wheel_build
    noisy = [
        line.strip()
        for line in output.splitlines()
        if "deprecat" in line.lower() or "BuildBackendWarning" in line
    ]
    assert not noisy, "\n".join(noisy)


def test_wheel_ships_the_migrate_command(wheel_build: tuple[Path, str]) -> None:
    wheel, _ = wheel_build
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        assert "migrate = migrate.cli:run" in zf.read(entry_points).decode()
        assert "License-Expression: MIT" in zf.read(metadata).decode()
    assert "migrate/cli.py" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
