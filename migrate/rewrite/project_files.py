"""The non-Python files a migration must touch: dependencies and pytest settings,
and the tests' recorded cassettes (see cassettes).

Runs after the Python rewrites (it needs to know what the migrated code
imports) and produces :class:`FileResult` objects like them, so ``--diff``,
``--check`` and writing treat both alike. Only dependency and pytest files
directly in the roots given to ``migrate apply`` are edited: a root inside a
bigger project cannot tell whether code elsewhere still needs a dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..analyse.frameworks import FLASK_ASYNC_RECEIVERS, FLASK_ROUTE_METHODS, is_test_path
from ..read.pytest_config import imports_by_file
from ..read.sources import SourceFile
from .cassettes import cassette_results
from .context import Note
from .engine import FileResult
from .helpers import DEFAULT_MODULE
from .rules.dependencies import (
    Needs,
    edit_ini,
    edit_pyproject,
    edit_requirements,
    edit_setup_py,
    imported_modules,
    is_test_file,
    section,
    setup_py_todo,
)
from .rules.dependency_lists import edit_setup_cfg, edit_tox

CODE = "MIG010"
HTTP_MODULES = frozenset({"httpx", "httpx2"})
_MODE = re.compile(r"^asyncio_mode[ \t]*=[ \t]*[\"']?(\w+)", re.MULTILINE)
PYTEST_FILES = ("pyproject.toml", "pytest.ini", "setup.cfg", "tox.ini")
_PYTEST_CONFIGS = (*PYTEST_FILES, ".pytest.ini")


def _root_dirs(roots: Iterable[Path]) -> list[Path]:
    return sorted({(r if r.is_dir() else r.parent).resolve() for r in roots})


def detect_asyncio_mode(roots: Iterable[Path]) -> str:
    """pytest-asyncio's mode as the project configures it ("strict" by default)."""
    for root in _root_dirs(roots):
        for name in PYTEST_FILES:
            path = root / name
            if path.is_file():
                match = _MODE.search(path.read_text(encoding="utf-8", errors="replace"))
                if match:
                    return match.group(1).lower()
    return "strict"


# An ``async def`` under one of Flask's registration decorators (its decorators
# may span lines), or a registration call or class-based view beside one.
_REGISTERED_ASYNC = re.compile(
    r"^[ \t]*@[\w.]+\.(?:{})\((?:(?!^[ \t]*(?:def|class)\b).)*?^[ \t]*async[ \t]+def\b".format(
        "|".join(sorted(FLASK_ROUTE_METHODS | FLASK_ASYNC_RECEIVERS))
    ),
    re.MULTILINE | re.DOTALL,
)
_REGISTERS = re.compile(r"\b(?:add_url_rule|register_error_handler|MethodView|View)\b")


def _hands_flask_async(text: str) -> bool:
    """Whether the module gives Flask a coroutine function to run (``Flask[async]``);
    async code Flask never calls itself does not need the extra."""
    if "async def" not in text:
        return False
    return _REGISTERED_ASYNC.search(text) is not None or _REGISTERS.search(text) is not None


def _needs(
    roots: Sequence[Path],
    sources: Iterable[SourceFile],
    results: list[FileResult],
    asyncio_mode: str,
) -> Needs:
    new = {r.path.resolve(): r.new for r in results if r.changed and r.error is None}
    needs = Needs(asyncio_mode=asyncio_mode)
    dirs = _root_dirs(roots)
    read = {source.path.resolve(): source.text for source in sources}
    # Files the rewrite writes anew count too: the helpers module imports asgiref
    # for block_on, which a module calling it does not.
    texts = {**read, **{path: "" for path in new if path not in read}}
    for path, old in texts.items():
        data = new.get(path)
        text = data.decode("utf-8", "replace") if data is not None else old
        modules = imported_modules(text)
        # Fixtures come from pytest plugins, not imports: respx's and requests-mock's.
        for fixture, module in (("respx_mock", "respx"), ("requests_mock", "requests_mock")):
            if re.search(rf"\b{fixture}\b", text):
                modules.add(module)
        # Judged inside the project: the project itself may sit in a "tests" folder.
        inside = [path.relative_to(r) for r in dirs if path.is_relative_to(r)]
        testing = is_test_file(inside[0] if inside else path) or is_test_path(str(path))
        (needs.testing if testing else needs.runtime).update(modules)
        if testing and (
            "pytest_asyncio" in modules
            or "mark.asyncio" in text
            or (asyncio_mode == "auto" and re.search(r"async def test", text))
        ):
            needs.async_tests = True
        if not testing and "flask" in modules and _hands_flask_async(text):
            needs.async_flask = True
    if needs.async_tests:
        needs.testing.add("pytest_asyncio")
    for path in new:
        folder = path.parent
        if path.name == f"{DEFAULT_MODULE}.py" and not (folder / "__init__.py").exists():
            # Imported by its bare name, as the folder of the test running is on
            # sys.path: not under pytest's importlib mode, unless pythonpath says so.
            root = next((r for r in dirs if folder.is_relative_to(r)), None)
            if root is not None and folder != root and imports_by_file(str(folder)):
                needs.pythonpath.add(folder.relative_to(root).as_posix())
    return needs


def project_file_results(
    roots: Sequence[Path],
    sources: Iterable[SourceFile],
    results: list[FileResult],
    asyncio_mode: str,
) -> list[FileResult]:
    """Edits of dependency and pytest files, once the Python files are rewritten.

    ``sources`` are the project's Python files as read, before the rewrite.
    """
    if not any(r.changed and r.error is None for r in results):
        return []
    needs = _needs(roots, sources, results, asyncio_mode)
    out: list[FileResult] = []
    for root in _root_dirs(roots):
        configured = any(
            configures_pytest(p.name, p.read_text(encoding="utf-8", errors="replace"))
            for p in root.iterdir()
            if p.is_file() and p.name in _PYTEST_CONFIGS
        )
        for path in sorted(root.iterdir()):
            if not path.is_file():
                continue
            name = path.name
            old = path.read_bytes()
            text = old.decode("utf-8", "replace")
            notes: list[Note] = []
            if name == "pyproject.toml":
                new = edit_pyproject(text, needs, configured)
            elif name == "pytest.ini":
                new = edit_ini(text, needs, ("pytest",))
            elif name == "setup.cfg":
                pyproject = (root / "pyproject.toml").is_file()
                new = edit_setup_cfg(text, needs, configured or pyproject)
            elif name == "tox.ini":
                new = edit_tox(text, needs)
            elif re.fullmatch(r"requirements.*\.(txt|in)", name):
                new = edit_requirements(text, needs, testing=bool(re.search("test|dev", name)))
            elif name == "setup.py":
                new = edit_setup_py(text, needs)
                todo = setup_py_todo(text, needs)
                if todo:
                    result = FileResult(path, name, old, new=old)
                    result.notes = [Note(CODE, 1, todo, todo=True)]
                    out.append(result)
                    continue
            else:
                continue
            if new != text:
                notes.append(Note(CODE, 1, f"{name}: dependencies and pytest settings updated"))
                result = FileResult(path, name, old, new=new.encode("utf-8"))
                result.notes = notes
                out.append(result)
    if needs.runtime & HTTP_MODULES:
        out += cassette_results(roots)  # the tests' recordings replay through httpx now
    return out


def configures_pytest(name: str, text: str) -> bool:
    """Whether a file pytest reads as its configuration holds pytest settings."""
    if name in ("pytest.ini", ".pytest.ini"):
        return True
    header = {"pyproject.toml": "tool.pytest.ini_options", "tox.ini": "pytest"}.get(name)
    header = header or ("tool:pytest" if name == "setup.cfg" else None)
    return header is not None and section(text, header) is not None
