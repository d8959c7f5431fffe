"""Each safety promise of ``migrate apply``, broken on purpose.

Faults are injected where a real run can fail: the process dies between
writing the new bytes and replacing the original, a rule emits code that
does not compile, a migration is carried out in several steps. What must
hold afterwards is checked on the files themselves.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import migrate.rewrite.engine as engine
from migrate.cli import main

APP = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url, timeout=5).json()
    """
)
VIEWS = textwrap.dedent(
    """\
    from app.client import fetch


    def page(url):
        return {"data": fetch(url)}
    """
)


class Crash(Exception):
    """Stands for the process dying at the patched call."""


def apply(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["apply", *map(str, args), "--jobs", "1", "--force"])


def files(root: Path) -> dict[str, bytes]:
    """Every file below ``root``, temporary ones included; not migrate's own
    state folder (its journal)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".migrate" not in p.relative_to(root).parts
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "client.py").write_text(APP)
    (root / "app" / "views.py").write_text(VIEWS)
    return root


def _crash_on_call(monkeypatch: pytest.MonkeyPatch, name: str, after: int = 0) -> list[Any]:
    """Make ``os.<name>`` fail once, on its call number ``after`` (0: the first)."""
    calls: list[Any] = []
    real: Callable[..., Any] = getattr(os, name)

    def crashing(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == after + 1:
            raise Crash(f"os.{name}")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, crashing)
    return calls


@pytest.mark.parametrize("point", ["fsync", "chmod", "replace"])
def test_a_crash_while_writing_leaves_the_original_and_no_temporary_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    before = files(project)
    calls = _crash_on_call(monkeypatch, point)
    result = apply(project)
    monkeypatch.undo()
    assert calls, f"os.{point} was never called: the file was not written atomically"
    assert isinstance(result.exception, Crash) or result.exit_code != 0
    assert files(project) == before


def test_the_new_bytes_are_renamed_over_the_original_from_beside_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file lives in the target's folder: a rename within one
    folder is atomic, one from another filesystem (``/tmp``) is not even possible."""
    calls = _crash_on_call(monkeypatch, "replace", after=10**6)  # record, never fail
    assert apply(project).exit_code == 0
    monkeypatch.undo()
    written = [(Path(src), Path(dst)) for src, dst in calls if Path(dst).suffix == ".py"]
    assert {dst.name for _, dst in written} >= {"client.py", "views.py"}
    for src, dst in written:
        assert src.parent == dst.parent, (src, dst)
    assert "async def fetch" in (project / "app" / "client.py").read_text()


def test_a_crash_on_the_second_file_leaves_every_file_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files(project)
    _crash_on_call(monkeypatch, "replace", after=1)
    apply(project)
    monkeypatch.undo()
    assert files(project) == before


def test_output_that_does_not_compile_is_never_written_and_is_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule bug that yields code Python rejects (it parses, but ``await``
    outside a function does not compile) leaves the file untouched."""
    real = engine.rewrite_source

    def broken_rule(source: bytes, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        new, *rest = real(source, *args, **kwargs)
        if b"def fetch" in source:
            new += b"\nawait fetch('x')\n"
        return (new, *rest)

    monkeypatch.setattr(engine, "rewrite_source", broken_rule)
    before = files(project)
    result = apply(project)
    assert "Traceback" not in result.output
    assert files(project)["app/client.py"] == before["app/client.py"]
    lines = [line for line in result.output.splitlines() if "client.py" in line]
    assert any("invalid Python" in line or "compile" in line for line in lines), result.output
    assert result.exit_code != 0


def _requirements(text: str) -> list[str]:
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    return [re.split(r"[\s\[<>=!~;]", line)[0].lower() for line in lines if line]


def _pyproject_requirements(text: str) -> list[str]:
    return [
        re.split(r"[\s\[<>=!~;]", entry)[0].lower()
        for entry in re.findall(r"^\s*\"([^\"]+)\",?\s*$", text, re.MULTILINE)
    ]


def test_dependency_edits_are_idempotent_across_gradual_steps(project: Path) -> None:
    """One module per step, then the rest, then once more: every dependency
    file names each requirement once, and the last run changes nothing."""
    (project / "requirements.txt").write_text("flask>=3\nrequests>=2.31\n")
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [project]
            name = "proj"
            dependencies = [
                "requests>=2.31",
            ]
            """
        )
    )
    steps = [["--select", "app.client"], ["--select", "app.views"], []]
    for step in steps:
        result = apply(project, *step)
        assert result.exit_code == 0, result.output
        for listed in (
            _requirements((project / "requirements.txt").read_text()),
            _pyproject_requirements((project / "pyproject.toml").read_text()),
        ):
            duplicates = {name for name in listed if listed.count(name) > 1}
            assert not duplicates, f"after {step}: {listed}"
            assert "httpx" in listed
    settled = files(project)
    assert apply(project).exit_code == 0
    assert files(project) == settled
