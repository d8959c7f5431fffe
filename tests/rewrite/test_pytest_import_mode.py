"""A project whose pytest imports tests with ``--import-mode=importlib`` (no test
folder on ``sys.path``) and keeps them in a folder of loose modules: the
helpers module written beside them must still be importable by its bare name,
so ``migrate apply`` puts that folder on pytest's ``pythonpath``. The migrated
suite is run, not only read."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrate.cli import main

from .harness import run_own_suite

FILES = {
    "pyproject.toml": """\
        [project]
        name = "shelf"
        version = "1"
        dependencies = ["requests"]

        [tool.pytest.ini_options]
        addopts = ["--import-mode=importlib"]
        testpaths = ["tests"]
        asyncio_default_fixture_loop_scope = "function"
        """,
    "shelf/__init__.py": "",
    "shelf/api.py": """\
        import requests


        def title(book_id):
            r = requests.get(f"https://api.shelf.test/books/{book_id}", timeout=5)
            r.raise_for_status()
            return r.json()["title"]
        """,
    "tests/test_api.py": """\
        import responses

        from shelf.api import title


        @responses.activate
        def test_title():
            responses.add(responses.GET, "https://api.shelf.test/books/1", json={"title": "Emma"})
            assert title(1) == "Emma"


        @responses.activate
        def test_unknown_host_is_no_network():
            try:
                title(2)
            except Exception as error:
                assert "2" in str(error) or error.__class__.__name__ == "ConnectError"
            else:
                raise AssertionError("no error")
        """,
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "shelf-project"
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def test_the_migrated_suite_imports_its_helpers_under_importlib_mode(project: Path) -> None:
    before = run_own_suite(project)
    assert before.returncode == 0, before.stdout[-2000:]
    result = CliRunner().invoke(main, ["apply", str(project), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (project / "tests" / "_async_helpers.py").is_file()
    assert 'pythonpath = ["tests"]' in (project / "pyproject.toml").read_text()
    after = run_own_suite(project)
    assert after.returncode == 0, after.stdout[-2000:]
    assert "2 passed" in after.stdout, after.stdout[-2000:]
