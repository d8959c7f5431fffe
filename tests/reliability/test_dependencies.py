"""Dependency files follow the code: extras merged, everything else as written."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from migrate.rewrite.project_files import _hands_flask_async, detect_asyncio_mode
from migrate.rewrite.rules.dependencies import (
    Needs,
    edit_pyproject,
    edit_requirements,
    edit_setup_py,
    setup_py_todo,
    with_extra,
)
from migrate.rewrite.rules.dependency_lists import edit_setup_cfg, edit_tox


def needs() -> Needs:
    return Needs(
        runtime={"httpx", "flask"},
        testing={"pytest", "respx", "pytest_asyncio"},
        async_flask=True,
        async_tests=True,
    )


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("flask", "flask[async]"),
        ("flask[async]", "flask[async]"),
        ("flask[async]>=3", "flask[async]>=3"),
        ("Flask[x]>=3.0", "Flask[async,x]>=3.0"),
        ("Flask[x,async]", "Flask[x,async]"),
        (
            "Flask>=3.0,<4 ; python_version >= '3.9'",
            "Flask[async]>=3.0,<4 ; python_version >= '3.9'",
        ),
        ("flask @ https://example.test/flask.whl", "flask[async] @ https://example.test/flask.whl"),
    ],
)
def test_extras_are_merged_and_the_rest_kept(spec: str, expected: str) -> None:
    assert with_extra(spec, "async") == expected


def twice(edit, text: str) -> str:  # type: ignore[no-untyped-def]
    once = edit(text)
    assert edit(once) == once, "a second run changed the file again"
    return once


def test_requirements_txt() -> None:
    text = "Flask[cors]==3.1.0  # web\nrequests==2.32.3\nasgiref>=3.7"
    new = twice(lambda t: edit_requirements(t, needs(), testing=False), text)
    assert new == "Flask[async,cors]==3.1.0  # web\nasgiref>=3.7\nhttpx>=0.27\n"


def test_requirements_txt_keeps_its_line_endings() -> None:
    text = "flask\r\nrequests\r\n"
    new = twice(lambda t: edit_requirements(t, needs(), testing=False), text)
    assert new == "flask[async]\r\nhttpx>=0.27\r\n"


def test_pep_621() -> None:
    text = textwrap.dedent(
        """\
        [project]
        dependencies = [
            "Flask[async]>=3.0",
            "requests>=2.31",  # HTTP
        ]

        [project.optional-dependencies]
        test = ["pytest>=8", "responses"]
        """
    )
    new = twice(lambda t: edit_pyproject(t, needs()), text)
    assert new == textwrap.dedent(
        """\
        [project]
        dependencies = [
            "Flask[async]>=3.0",
            "httpx>=0.27",
        ]

        [project.optional-dependencies]
        test = ["pytest>=8", "pytest-asyncio>=0.24", "respx>=0.21"]
        """
    )


def test_poetry() -> None:
    text = textwrap.dedent(
        """\
        [tool.poetry.dependencies]
        python = "^3.10"
        Flask = "^3.0"
        requests = {version = "^2.31", optional = false}

        [tool.poetry.group.dev.dependencies]
        pytest = "^8"
        """
    )
    new = twice(lambda t: edit_pyproject(t, needs()), text)
    assert new == textwrap.dedent(
        """\
        [tool.poetry.dependencies]
        python = "^3.10"
        Flask = {version = "^3.0", extras = ["async"]}
        httpx = ">=0.27"

        [tool.poetry.group.dev.dependencies]
        pytest = "^8"
        pytest-asyncio = ">=0.24"
        respx = ">=0.21"
        """
    )


def test_poetry_extras_are_merged() -> None:
    text = '[tool.poetry.dependencies]\nflask = {version = "^3", extras = ["cors"]}\nhttpx = "*"\n'
    new = twice(lambda t: edit_pyproject(t, needs()), text)
    assert 'flask = {version = "^3", extras = ["async", "cors"]}' in new


def test_setup_cfg() -> None:
    text = textwrap.dedent(
        """\
        [metadata]
        name = app

        [options]
        install_requires =
            Flask>=3 ; python_version >= "3.9"
            requests

        [options.extras_require]
        test =
            pytest
        """
    )
    new = twice(lambda t: edit_setup_cfg(t, needs()), text)
    assert new == textwrap.dedent(
        """\
        [metadata]
        name = app

        [options]
        install_requires =
            Flask[async]>=3 ; python_version >= "3.9"
            httpx>=0.27

        [options.extras_require]
        test =
            pytest
            pytest-asyncio>=0.24
            respx>=0.21
        """
    )


def test_setup_cfg_one_line_requirements_become_a_list_and_pytest_gets_a_section(
    tmp_path: Path,
) -> None:
    text = "[metadata]\nname = app\n\n[options]\npackages = find:\ninstall_requires = requests\n"
    new = twice(lambda t: edit_setup_cfg(t, needs(), configures_pytest=False), text)
    assert new == textwrap.dedent(
        """\
        [metadata]
        name = app

        [options]
        packages = find:
        install_requires =
            httpx>=0.27

        [tool:pytest]
        asyncio_mode = strict
        asyncio_default_fixture_loop_scope = function
        """
    )
    # Configured elsewhere (pytest.ini, tox.ini, pyproject.toml): no section here.
    assert "tool:pytest" not in edit_setup_cfg(text, needs())
    # Run: pytest-asyncio's start-up warning no longer fails a suite run with -W error.
    (tmp_path / "setup.cfg").write_text(new)
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_one():\n    pass\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_tox_ini() -> None:
    text = (
        "[tox]\nenvlist = py311\n\n[testenv]\ndeps =\n    pytest\n    responses\n"
        "commands = pytest\n"
    )
    new = twice(lambda t: edit_tox(t, needs()), text)
    assert new == (
        "[tox]\nenvlist = py311\n\n[testenv]\ndeps =\n    pytest\n    pytest-asyncio>=0.24\n"
        "    respx>=0.21\ncommands = pytest\n"
    )


@pytest.mark.parametrize(
    ("edit", "text", "expected"),
    [
        (
            edit_tox,
            "[testenv]\ndeps =\n    pytest\n    requests\ncommands = pytest\n",
            "[testenv]\ndeps =\n    pytest\n    httpx>=0.27\n"
            "    pytest-asyncio>=0.24\n    respx>=0.21\ncommands = pytest\n",
        ),
        (
            lambda t, n: edit_requirements(t, n, testing=True),
            "pytest\nrequests==2.32.3\n",
            "pytest\nhttpx>=0.27\npytest-asyncio>=0.24\nrespx>=0.21\n",
        ),
    ],
    ids=["tox deps", "requirements-dev.txt"],
)
def test_a_test_list_that_installed_requests_installs_what_replaces_it(
    edit: Callable[[str, Needs], str], text: str, expected: str
) -> None:
    # Such a list installs the code's own requirements (nothing else would):
    # requests goes, so httpx must come in its place, or the suite can't import.
    assert twice(lambda t: edit(t, needs()), text) == expected


def test_setup_py_plain_list() -> None:
    text = (
        "from setuptools import setup\n\nsetup(\n    install_requires=[\n"
        '        "Flask[x]>=3",\n        "requests",\n    ],\n)\n'
    )
    new = twice(lambda t: edit_setup_py(t, needs()), text)
    assert new == (
        "from setuptools import setup\n\nsetup(\n    install_requires=[\n"
        '        "Flask[async,x]>=3",\n        "httpx>=0.27",\n    ],\n)\n'
    )


def test_setup_py_built_in_code_is_left_alone() -> None:
    text = (
        "from setuptools import setup\n\nREQS = open('r.txt').read().split()\n"
        "setup(install_requires=REQS)\n"
    )
    assert edit_setup_py(text, needs()) == text


@pytest.mark.parametrize("final_newline", ["", "\n"])
def test_final_newline_kept(final_newline: str) -> None:
    text = '[project]\ndependencies = ["flask"]' + final_newline
    new = edit_pyproject(text, needs())
    assert new.endswith("]" + final_newline)


def test_the_quart_stage_brings_quart_and_its_server() -> None:
    after_quart = Needs(runtime={"httpx", "quart"}, testing={"pytest", "pytest_asyncio"})
    text = "flask[async]>=3.0\nhttpx>=0.27\n"
    new = twice(lambda t: edit_requirements(t, after_quart, testing=False), text)
    assert new == "flask[async]>=3.0\nhttpx>=0.27\nhypercorn>=0.17\nquart>=0.20\n"


def test_setup_cfg_comments_inside_the_list_keep_their_place() -> None:
    # Every requirement after a comment is still read: requests goes, the
    # httpx already listed is not added twice.
    text = textwrap.dedent(
        """\
        [options]
        install_requires =
            Flask>=3
            # talking to the stock service
            requests>=2
            httpx>=0.25
        """
    )
    new = twice(lambda t: edit_setup_cfg(t, needs()), text)
    assert new == textwrap.dedent(
        """\
        [options]
        install_requires =
            Flask[async]>=3
            # talking to the stock service
            httpx>=0.25
        """
    )


def test_a_one_line_array_that_needs_nothing_is_left_byte_for_byte() -> None:
    text = '[project]\nname = "app"\ndependencies = [ "httpx>=0.25",  "asgiref>=3.7" ]\n'
    just_httpx = Needs(runtime={"httpx", "asgiref"})
    assert edit_pyproject(text, just_httpx) == text


SETUP_PY = '''\
"""Packaging of the shop."""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent

setup(
    name="shop",
    version="1.4.0",
    description="The shop's web front",
    long_description=(HERE / "README.md").read_text(),
    long_description_content_type="text/markdown",
    author="The shop team",
    url="https://example.test/shop",
    license="MIT",
    python_requires=">=3.10",
    classifiers=[
        "Development Status :: 5 - Production/Stable",
        "Environment :: Web Environment",
        "Framework :: Flask",
        "Intended Audience :: Developers",
        "License :: OSI Approved :: MIT License",
        "Operating System :: OS Independent",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Topic :: Internet :: WWW/HTTP :: Dynamic Content",
    ],
    include_package_data=True,
    zip_safe=False,
    packages=find_packages(exclude=["tests"]), install_requires=["Flask>=3", "requests"],
    entry_points={"console_scripts": ["shop=shop.cli:main"]},
)
'''


def test_setup_py_edits_install_requires_wherever_it_sits() -> None:
    # Deep in the file, on a line that holds another list before it: only
    # install_requires changes (setup.py is code, read with ast positions).
    new = twice(lambda t: edit_setup_py(t, needs()), SETUP_PY)
    assert new == SETUP_PY.replace(
        'install_requires=["Flask>=3", "requests"]',
        'install_requires=["Flask[async]>=3", "httpx>=0.27"]',
    )


def test_setup_py_built_in_code_gets_the_line_to_add_by_hand() -> None:
    text = (
        "from setuptools import setup\n\nREQS = open('r.txt').read().split()\n"
        "setup(install_requires=REQS + ['asgiref>=3.7'])\n"
    )
    wanted = Needs(runtime={"httpx", "asgiref"})
    assert setup_py_todo(text, wanted) == 'add to install_requires in setup.py: "httpx>=0.27"'
    listed = text.replace("'asgiref>=3.7'", "'asgiref>=3.7', 'httpx'")
    assert setup_py_todo(listed, wanted) is None


@pytest.mark.parametrize(
    ("name", "data", "mode"),
    [
        (
            "pytest.ini",
            b"[pytest]\n# r\xe9sum\xe9 of the settings (Latin-1)\nasyncio_mode = Auto\n",
            "auto",
        ),
        ("pyproject.toml", b'[tool.pytest.ini_options]\nasyncio_mode = "auto"\n', "auto"),
        ("tox.ini", b"[pytest]\naddopts = -q\n", "strict"),
    ],
)
def test_the_projects_asyncio_mode_is_kept(
    tmp_path: Path, name: str, data: bytes, mode: str
) -> None:
    (tmp_path / name).write_bytes(data)
    assert detect_asyncio_mode([tmp_path]) == mode


def test_a_project_configuring_pytest_nowhere_gets_a_pytest_section(tmp_path: Path) -> None:
    text = '[project]\nname = "shop"\ndependencies = ["requests"]\n'
    new = twice(lambda t: edit_pyproject(t, needs(), configures_pytest=False), text)
    assert new.endswith(
        '\n\n[tool.pytest.ini_options]\nasyncio_mode = "strict"\n'
        'asyncio_default_fixture_loop_scope = "function"\n'
    )
    # Configured elsewhere (pytest.ini, tox.ini, setup.cfg): pyproject gains no section.
    assert "pytest" not in edit_pyproject(text, needs(), configures_pytest=True)
    # Run: pytest-asyncio's start-up warning no longer fails a suite run with -W error.
    (tmp_path / "pyproject.toml").write_text(new)
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_one():\n    pass\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    ("source", "needed"),
    [
        ('@app.route("/")\nasync def home():\n    pass\n', True),
        ('@bp.get(\n    "/x",\n)\n@login_required\nasync def view():\n    pass\n', True),
        ("app.add_url_rule('/', view_func=home)\n\nasync def home():\n    pass\n", True),
        # Async code Flask never runs itself: a helper an extension bridges to.
        ("class Verifier:\n    async def _check(self):\n        pass\n", False),
        ('@app.route("/")\ndef home():\n    pass\n\n\nasync def fetch():\n    pass\n', False),
    ],
)
def test_flask_async_only_for_what_flask_runs(source: str, needed: bool) -> None:
    assert _hands_flask_async(source) is needed


def test_setup_py_test_lists_gain_the_test_libraries() -> None:
    text = (
        "from setuptools import setup\n\nsetup(\n"
        '    install_requires=["requests"],\n'
        '    tests_require=["pytest", "responses"],\n'
        '    extras_require={"test": ["pytest", "responses"], "docs": ["sphinx"]},\n)\n'
    )
    new = twice(lambda t: edit_setup_py(t, needs()), text)
    assert new == (
        "from setuptools import setup\n\nsetup(\n"
        '    install_requires=["httpx>=0.27"],\n'
        '    tests_require=["pytest", "pytest-asyncio>=0.24", "respx>=0.21"],\n'
        '    extras_require={"test": ["pytest", "pytest-asyncio>=0.24", "respx>=0.21"],'
        ' "docs": ["sphinx"]},\n)\n'
    )
