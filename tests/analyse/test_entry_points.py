"""Functions packaging metadata calls stay sync (migrate/read/entry_points.py).

The launcher pip writes for a console script calls ``main()`` and exits with
what it returns; a plugin host calls its entry point the same way. Each
place a project may declare one is read; what cannot be read is skipped.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths
from migrate.read.entry_points import entry_points

CLI = """
import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def main():
    print(fetch("https://api.test/"))


class Tool:
    @staticmethod
    def run():
        return fetch("https://api.test/run")
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())
    return root


def test_pyproject_scripts_gui_scripts_and_groups(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": """
                [project]
                name = "tool"
                version = "1"

                [project.scripts]
                tool = "pkg.cli:main"
                tool-run = "pkg.cli:Tool.run [extra]"

                [project.gui-scripts]
                tool-gui = "pkg.gui:start"

                [project.entry-points."tool.plugins"]
                csv = "pkg.plugins.csv:load"
                module-only = "pkg.plugins"
            """
        },
    )
    assert entry_points([tmp_path / "pkg"]) == {
        ("pkg.cli", "main"): "console script tool (pyproject.toml)",
        ("pkg.cli", "Tool.run"): "console script tool-run (pyproject.toml)",
        ("pkg.gui", "start"): "gui_scripts entry point tool-gui (pyproject.toml)",
        ("pkg.plugins.csv", "load"): "tool.plugins entry point csv (pyproject.toml)",
    }


def test_poetry_and_flit_scripts(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": """
                [tool.poetry.scripts]
                tool = "pkg.cli:main"
                other = { reference = "pkg.other:main", type = "console" }

                [tool.flit.scripts]
                flit-tool = "pkg.flit:main"
            """
        },
    )
    assert set(entry_points([tmp_path])) == {
        ("pkg.cli", "main"),
        ("pkg.other", "main"),
        ("pkg.flit", "main"),
    }


def test_setup_cfg_and_setup_py(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "setup.cfg": """
                [options.entry_points]
                console_scripts =
                    tool = pkg.cli:main
                    # old = pkg.old:main
            """,
            "setup.py": """
                from setuptools import setup

                setup(
                    name="tool",
                    entry_points={
                        "console_scripts": ["tool2 = pkg.two:main"],
                        "pytest11": "tool = pkg.plugin",
                    },
                )
            """,
        },
    )
    assert entry_points([tmp_path]) == {
        ("pkg.cli", "main"): "console script tool (setup.cfg)",
        ("pkg.two", "main"): "console script tool2 (setup.py)",
    }


def test_unreadable_metadata_is_skipped(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[project\n",
            "setup.cfg": "[options.entry_points\n",
            "setup.py": "setup(entry_points=make_them())\n",
        },
    )
    assert entry_points([tmp_path]) == {}


def test_an_entry_point_stays_sync_and_bridges(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": """
                [project.scripts]
                tool = "pkg.cli:main"
                tool-run = "pkg.cli:Tool.run"
            """,
            "pkg/__init__.py": "",
            "pkg/cli.py": CLI,
        },
    )
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("pkg.cli.fetch")
    assert colouring.boundaries["pkg.cli.main"] == "console script tool (pyproject.toml)"
    assert colouring.boundaries["pkg.cli.Tool.run"] == "console script tool-run (pyproject.toml)"
    bridged = sorted((b.function, b.kind) for b in colouring.bridges)
    # The launcher calls a console script where no loop runs: asyncio.run.
    assert bridged == [
        ("pkg.cli.Tool.run", "asyncio.run"),
        ("pkg.cli.main", "asyncio.run"),
    ]
