"""MIG010 dependencies: the project's declared dependencies follow the code.

Not a libcst rule: after the Python rewrites, ``migrate apply`` edits the
text of the dependency and pytest files in each root it was given, keeping
their layout (one line added, changed or removed at a time):

* ``pyproject.toml``: ``[project] dependencies`` gains what the migrated code
  imports (httpx, asgiref) and ``flask`` becomes ``flask[async]``; the test
  extra (``[project.optional-dependencies]`` test/tests/dev) gains
  pytest-asyncio and respx; requests, responses and requests-mock go when no
  file imports them any more; ``[tool.pytest.ini_options]`` gets
  ``asyncio_mode`` and ``asyncio_default_fixture_loop_scope = "function"``.
* ``requirements*.txt`` the same way (files named ``*test*``/``*dev*`` hold
  test dependencies); ``pytest.ini`` / ``setup.cfg`` / ``tox.ini`` pytest
  sections get the pytest-asyncio settings.
* ``setup.py`` is code: it is not edited; the summary says which line to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .base import Rule

RUNTIME = {"httpx": "httpx>=0.27", "httpx2": "httpx2", "asgiref": "asgiref>=3.7"}
TESTING = {"pytest_asyncio": "pytest-asyncio>=0.24", "respx": "respx>=0.21"}
# Distribution names of what a migration may leave unused, by import name.
DROPPABLE = {"requests": "requests", "responses": "responses", "requests_mock": "requests-mock"}
TEST_EXTRAS = ("test", "tests", "testing", "dev")


class Dependencies(Rule):
    code = "MIG010"
    name = "dependencies"
    summary = "dependency and pytest files follow what the migrated code imports"


@dataclass
class Needs:
    """What the migrated project imports, split by runtime and test code."""

    runtime: set[str] = field(default_factory=set)
    testing: set[str] = field(default_factory=set)
    async_flask: bool = False
    async_tests: bool = False
    asyncio_mode: str = "strict"

    def requirement_name(self, spec: str) -> str:
        return re.split(r"[\s\[<>=!~;]", spec.strip().strip("\"'"), maxsplit=1)[0].lower()


_IMPORT = re.compile(r"^[ \t]*(?:import|from)[ \t]+([A-Za-z_][\w]*)", re.MULTILINE)


def imported_modules(text: str) -> set[str]:
    return set(_IMPORT.findall(text))


def is_test_file(path: Path) -> bool:
    return path.name.startswith("test_") or path.name == "conftest.py" or "tests" in path.parts


def _wanted(needs: Needs, testing: bool) -> dict[str, str]:
    names = needs.testing if testing else needs.runtime
    table = TESTING if testing else RUNTIME
    return {table[n].split(">")[0].lower(): table[n] for n in sorted(names) if n in table}


# -- list-of-requirements editing (TOML arrays and requirements files) -------------


def _toml_array(text: str, start: int) -> tuple[int, int] | None:
    """Offsets of ``[`` and its ``]`` from ``start``, strings and comments skipped."""
    open_at = text.find("[", start)
    if open_at < 0:
        return None
    i, depth, quote = open_at, 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            i = text.find("\n", i)
            if i < 0:
                return None
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return open_at, i
        i += 1
    return None


def _section(text: str, header: str) -> tuple[int, int] | None:
    match = re.search(rf"^\[{re.escape(header)}\][ \t]*(#.*)?$", text, re.MULTILINE)
    if not match:
        return None
    end = re.search(r"^\[", text[match.end() :], re.MULTILINE)
    return match.end(), match.end() + end.start() if end else len(text)


def edit_toml_array(
    text: str, start: int, add: dict[str, str], drop: set[str], rename: dict[str, str], needs: Needs
) -> str:
    span = _toml_array(text, start)
    if span is None:
        return text
    open_at, close_at = span
    inner = text[open_at + 1 : close_at]
    entries = list(re.finditer(r"(\"[^\"]*\"|'[^']*')[ \t]*,?", inner))
    present = {needs.requirement_name(m.group(1)) for m in entries}
    for match in reversed(entries):
        name = needs.requirement_name(match.group(1))
        a, b = open_at + 1 + match.start(), open_at + 1 + match.end()
        if name in drop:
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            rest = text[b:line_end].strip()
            if text[line_start:a].strip() == "" and (rest == "" or rest.startswith("#")):
                text = text[:line_start] + text[line_end + 1 :]
                close_at -= line_end + 1 - line_start
            else:
                text = text[:a] + text[b:].lstrip(" ")
                close_at -= b - a
        elif name in rename:
            quote = match.group(1)[0]
            old = match.group(1)[1:-1]
            new = rename[name] + old[len(name) :]
            text = text[:a] + quote + new + quote + text[a + len(match.group(1)) :]
            close_at += len(new) - len(old)
    missing = [spec for name, spec in add.items() if name not in present]
    if not missing:
        return text
    inner = text[open_at + 1 : close_at]
    if "\n" in inner:
        lines = [ln for ln in inner.splitlines() if ln.strip().startswith(('"', "'"))]
        indent = re.match(r"[ \t]*", lines[-1]).group(0) if lines else "    "  # type: ignore[union-attr]
        body = inner.rstrip(" \t")
        if body.strip() and not body.rstrip().endswith(","):
            body = body.rstrip() + ",\n"
        elif not body.endswith("\n"):
            body += "\n"
        body += "".join(f'{indent}"{spec}",\n' for spec in missing)
        closing_indent = inner[len(inner.rstrip(" \t")) :]
        return text[: open_at + 1] + body + closing_indent + text[close_at:]
    items = [i for i in (inner.strip().rstrip(","),) if i]
    items += [f'"{spec}"' for spec in missing]
    return text[: open_at + 1] + ", ".join(items) + text[close_at:]


def edit_pyproject(text: str, needs: Needs) -> str:
    rename = {"flask": "flask[async]"} if needs.async_flask else {}
    drop = {DROPPABLE[n] for n in DROPPABLE} - needs.runtime - needs.testing
    drop_runtime = {d for d in drop}
    project = _section(text, "project")
    if project is not None:
        match = re.search(r"^dependencies[ \t]*=", text[project[0] : project[1]], re.MULTILINE)
        if match:
            text = edit_toml_array(
                text, project[0] + match.end(), _wanted(needs, False), drop_runtime, rename, needs
            )
    extras = _section(text, "project.optional-dependencies")
    if extras is not None:
        for extra in TEST_EXTRAS:
            extras = _section(text, "project.optional-dependencies")
            assert extras is not None
            match = re.search(rf"^{extra}[ \t]*=", text[extras[0] : extras[1]], re.MULTILINE)
            if match:
                text = edit_toml_array(
                    text, extras[0] + match.end(), _wanted(needs, True), drop, {}, needs
                )
                break
    pytest_section = _section(text, "tool.pytest.ini_options")
    if pytest_section is not None and needs.async_tests:
        text = _add_settings(text, pytest_section, needs, toml=True)
    return text


def _add_settings(text: str, section: tuple[int, int], needs: Needs, toml: bool) -> str:
    body = text[section[0] : section[1]]
    settings = {
        "asyncio_mode": needs.asyncio_mode,
        "asyncio_default_fixture_loop_scope": "function",
    }
    lines = []
    for key, value in settings.items():
        if re.search(rf"^{key}\b", body, re.MULTILINE):
            continue
        lines.append(f'{key} = "{value}"' if toml else f"{key} = {value}")
    if not lines:
        return text
    content_end = section[0] + len(body.rstrip())
    addition = "".join(f"\n{line}" for line in lines)
    return text[:content_end] + addition + text[content_end:]


def edit_ini(text: str, needs: Needs, sections: tuple[str, ...]) -> str:
    if not needs.async_tests:
        return text
    for header in sections:
        section = _section(text, header)
        if section is not None:
            return _add_settings(text, section, needs, toml=False)
    return text


def edit_requirements(text: str, needs: Needs, testing: bool) -> str:
    rename = {"flask": "flask[async]"} if needs.async_flask and not testing else {}
    drop = {DROPPABLE[n] for n in DROPPABLE} - needs.runtime - needs.testing
    out: list[str] = []
    present: set[str] = set()
    listed = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        name = (
            needs.requirement_name(stripped)
            if stripped and not stripped.startswith(("#", "-"))
            else ""
        )
        listed = listed or bool(name)
        if name in drop:
            continue
        if name in rename:
            line = rename[name] + line.lstrip()[len(name) :]
        present.add(name)
        out.append(line)
    if not listed:
        return "".join(out)  # only includes (``-r requirements.txt``) or empty: leave it
    new = "".join(out)
    missing = [spec for name, spec in _wanted(needs, testing).items() if name not in present]
    if missing:
        if new and not new.endswith("\n"):
            new += "\n"
        new += "".join(f"{spec}\n" for spec in missing)
    return new


def setup_py_todo(text: str, needs: Needs) -> str | None:
    wanted = {**_wanted(needs, False)}
    missing = [spec for name, spec in wanted.items() if name not in text.lower()]
    if not missing or "install_requires" not in text:
        return None
    return "add to install_requires in setup.py: " + ", ".join(f'"{s}"' for s in missing)
