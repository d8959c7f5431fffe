"""MIG010 dependencies: the project's declared dependencies follow the code.

Not a libcst rule: after the Python rewrites, ``migrate apply`` edits the
text of the dependency and pytest files in each root it was given, keeping
their layout (one line added, changed or removed at a time):

* ``pyproject.toml``: ``[project] dependencies`` gains what the migrated code
  imports (httpx, asgiref; quart and an ASGI server to run it, hypercorn,
  after the Quart stage) and ``flask`` becomes ``flask[async]``; the test
  extra (``[project.optional-dependencies]`` test/tests/dev) gains
  pytest-asyncio and respx; requests, responses and requests-mock go when no
  file imports them any more; ``[tool.pytest.ini_options]`` gets
  ``asyncio_mode`` and ``asyncio_default_fixture_loop_scope = "function"``.
* ``requirements*.txt`` the same way (files named ``*test*``/``*dev*`` hold
  test dependencies); ``pytest.ini`` / ``setup.cfg`` / ``tox.ini`` pytest
  sections get the pytest-asyncio settings.
* ``setup.py`` is code: only its literal lists of strings are edited
  (``install_requires``, ``tests_require``, the test extras of
  ``extras_require``); otherwise the summary says which line to add.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..requirements import REQUIREMENT, normalize, requirement_name
from ..requirements import with_extra as with_extra  # tests and callers import it from here
from .base import Rule

RUNTIME = {
    "httpx": "httpx>=0.27",
    "httpx2": "httpx2",
    "asgiref": "asgiref>=3.7",
    "quart": "quart>=0.20",
    "hypercorn": "hypercorn>=0.17",
}
#: What runs the app once it is Quart: an ASGI server (hypercorn is Quart's own).
SERVED_BY = {"quart": "hypercorn"}
TESTING = {"pytest_asyncio": "pytest-asyncio>=0.24", "respx": "respx>=0.21"}
# Distribution names of what a migration may leave unused, by import name.
DROPPABLE = {"requests": "requests", "responses": "responses", "requests_mock": "requests-mock"}
# Those the code itself ran on: a test list naming one installs the code's requirements.
CODE_LIBRARIES = frozenset({"requests"})
# Those only tests ran on: a runtime list naming one installs the tests' requirements.
TEST_LIBRARIES = frozenset({"responses", "requests-mock"})
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
    # Test folders of loose modules (no package) given a helpers module, where pytest
    # imports tests with ``--import-mode=importlib``, which leaves them off sys.path.
    pythonpath: set[str] = field(default_factory=set)

    def pytest_settings(self) -> bool:
        """Whether pytest's configuration gains settings."""
        return self.async_tests or bool(self.pythonpath)

    def requirement_name(self, spec: str) -> str:
        return requirement_name(spec)

    def drop(self) -> set[str]:
        """Distributions no file imports any more."""
        gone = set(DROPPABLE) - self.runtime - self.testing
        return {normalize(DROPPABLE[n]) for n in gone}

    def extras(self, testing: bool) -> dict[str, str]:
        """Extras a requirement must gain: Flask runs async views with ``flask[async]``."""
        return {"flask": "async"} if self.async_flask and not testing else {}


_IMPORT = re.compile(r"^[ \t]*(?:import|from)[ \t]+([A-Za-z_][\w]*)", re.MULTILINE)


def imported_modules(text: str) -> set[str]:
    return set(_IMPORT.findall(text))


def is_test_file(path: Path) -> bool:
    return path.name.startswith("test_") or path.name == "conftest.py" or "tests" in path.parts


def _wanted(needs: Needs, testing: bool) -> dict[str, str]:
    """Requirements the migrated code needs, by normalized name."""
    names = needs.testing if testing else needs.runtime
    if not testing:
        names = names | {SERVED_BY[n] for n in names if n in SERVED_BY}
    table = TESTING if testing else RUNTIME
    return {requirement_name(table[n]): table[n] for n in sorted(names) if n in table}


def _edit_spec(spec: str, needs: Needs, testing: bool) -> str | None:
    """One requirement as written, edited (None: it goes)."""
    name = requirement_name(spec)
    if name in needs.drop():
        return None
    extra = needs.extras(testing).get(name)
    return with_extra(spec, extra) if extra else spec


def _missing(present: set[str], needs: Needs, testing: bool) -> list[str]:
    wanted = _wanted(needs, testing)
    if testing and present & needs.drop() & CODE_LIBRARIES:
        # A test list that named what the code no longer uses (requests in tox's
        # deps) installs the code's requirements itself: what replaces it goes there too.
        wanted = {**_wanted(needs, False), **wanted}
    if not testing and present & needs.drop() & TEST_LIBRARIES:
        # A lone requirements.txt that named responses serves the tests too: respx
        # and pytest-asyncio go where it was.
        wanted = {**wanted, **_wanted(needs, True)}
    return [spec for name, spec in wanted.items() if name not in present]


# -- list-of-requirements editing (TOML arrays, setup.py lists) -----------------------


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


def section(text: str, header: str) -> tuple[int, int] | None:
    match = re.search(rf"^\[{re.escape(header)}\][ \t]*(#.*)?$", text, re.MULTILINE)
    if not match:
        return None
    end = re.search(r"^\[", text[match.end() :], re.MULTILINE)
    return match.end(), match.end() + end.start() if end else len(text)


def edit_array(text: str, start: int, needs: Needs, testing: bool) -> str:
    """Edit the list of quoted requirements that opens at or after ``start``."""
    span = _toml_array(text, start)
    if span is None:
        return text
    open_at, close_at = span
    inner = text[open_at + 1 : close_at]
    entries = list(re.finditer(r"(\"[^\"]*\"|'[^']*')[ \t]*,?", inner))
    present = {requirement_name(m.group(1)) for m in entries}
    if "\n" not in inner:
        return _edit_inline_array(text, span, entries, present, needs, testing)
    for match in reversed(entries):
        a, b = open_at + 1 + match.start(), open_at + 1 + match.end()
        quote, spec = match.group(1)[0], match.group(1)[1:-1]
        edited = _edit_spec(spec, needs, testing)
        if edited is None:
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            rest = text[b:line_end].strip()
            if text[line_start:a].strip() == "" and (rest == "" or rest.startswith("#")):
                text = text[:line_start] + text[line_end + 1 :]
                close_at -= line_end + 1 - line_start
            else:
                text = text[:a] + text[b:].lstrip(" ")
                close_at -= b - a
        elif edited != spec:
            text = text[:a] + quote + edited + quote + text[a + len(match.group(1)) :]
            close_at += len(edited) - len(spec)
    missing = _missing(present, needs, testing)
    if not missing:
        return text
    # A multi-line array: one requirement per line, in its indentation.
    inner = text[open_at + 1 : close_at]
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


def _edit_inline_array(
    text: str,
    span: tuple[int, int],
    entries: list[re.Match[str]],
    present: set[str],
    needs: Needs,
    testing: bool,
) -> str:
    """A one-line array, written again as ``["a", "b"]`` only when something changes."""
    items, changed = [], False
    for match in entries:
        quote, spec = match.group(1)[0], match.group(1)[1:-1]
        edited = _edit_spec(spec, needs, testing)
        changed = changed or edited != spec
        if edited is not None:
            items.append(quote + edited + quote)
    missing = _missing(present, needs, testing)
    if not changed and not missing:
        return text
    items += [f'"{spec}"' for spec in missing]
    return text[: span[0] + 1] + ", ".join(items) + text[span[1] :]


# -- pyproject.toml: PEP 621 and Poetry ----------------------------------------------


def edit_pyproject(text: str, needs: Needs, configures_pytest: bool = True) -> str:
    """``pyproject.toml``'s dependencies and pytest settings. A project whose pytest
    is configured nowhere (``configures_pytest`` False) gets a pytest section here:
    without it pytest-asyncio warns at start-up, which ``-W error`` turns into an error."""
    project = section(text, "project")
    if project is not None:
        match = re.search(r"^dependencies[ \t]*=", text[project[0] : project[1]], re.MULTILINE)
        if match:
            text = edit_array(text, project[0] + match.end(), needs, testing=False)
    extras = section(text, "project.optional-dependencies")
    if extras is not None:
        for extra in TEST_EXTRAS:
            match = re.search(rf"^{extra}[ \t]*=", text[extras[0] : extras[1]], re.MULTILINE)
            if match:
                text = edit_array(text, extras[0] + match.end(), needs, testing=True)
                break
    text = _edit_poetry(text, needs)
    pytest_section = section(text, "tool.pytest.ini_options")
    if pytest_section is not None and needs.pytest_settings():
        text = _add_settings(text, pytest_section, needs, toml=True)
    elif needs.async_tests and not configures_pytest:
        text = text.rstrip("\n") + "\n\n[tool.pytest.ini_options]"
        text = _add_settings(text, (len(text), len(text)), needs, toml=True) + "\n"
    return text


POETRY_MAIN = "tool.poetry.dependencies"
POETRY_TEST = (
    "tool.poetry.group.dev.dependencies",
    "tool.poetry.group.test.dependencies",
    "tool.poetry.dev-dependencies",
)
_POETRY_ENTRY = re.compile(
    r"^(?P<key>\"[^\"]+\"|'[^']+'|[A-Za-z0-9][\w.-]*)[ \t]*=[ \t]*"
    r"(?P<value>.*?)[ \t]*(?P<comment>#.*)?$",
    re.MULTILINE,
)


def _edit_poetry(text: str, needs: Needs) -> str:
    sections = [(POETRY_MAIN, False)]
    test_section = next((s for s in POETRY_TEST if section(text, s) is not None), None)
    if test_section is not None:
        sections.append((test_section, True))
    for header, testing in sections:
        span = section(text, header)
        if span is None:
            continue
        body = text[span[0] : span[1]]
        present: set[str] = set()
        out: list[str] = []
        for line in body.splitlines(keepends=True):
            match = _POETRY_ENTRY.match(line.rstrip("\r\n"))
            if match is None:
                out.append(line)
                continue
            name = normalize(match["key"].strip("\"'"))
            present.add(name)
            if name in needs.drop():
                continue
            extra = needs.extras(testing).get(name)
            if extra:
                line = _poetry_with_extra(line, match, extra)
            out.append(line)
        missing = _missing(present, needs, testing)
        content = "".join(out)
        if missing:
            trailing = content[len(content.rstrip()) :]
            newline = "\r\n" if "\r\n" in body else "\n"
            added = "".join(f"{newline}{_poetry_entry(spec)}" for spec in missing)
            content = content.rstrip() + added + (trailing or newline)
        text = text[: span[0]] + content + text[span[1] :]
    return text


def _poetry_entry(spec: str) -> str:
    match = REQUIREMENT.match(spec)
    assert match is not None
    constraint = match["rest"].strip() or "*"
    return f'{match["name"]} = "{constraint}"'


def _poetry_with_extra(line: str, match: re.Match[str], extra: str) -> str:
    value = match["value"]
    start, end = match.span("value")
    if value.startswith(("'", '"')):
        new = f'{{version = {value}, extras = ["{extra}"]}}'
    elif value.startswith("{"):
        extras = re.search(r"extras[ \t]*=[ \t]*\[([^\]]*)\]", value)
        if extras is None:
            new = value[:-1].rstrip() + f', extras = ["{extra}"]}}'
        else:
            names = [e.strip().strip("\"'") for e in extras[1].split(",") if e.strip()]
            if extra in names:
                return line
            inside = ", ".join(f'"{n}"' for n in [extra, *names])
            new = value[: extras.start(1)] + inside + value[extras.end(1) :]
    else:
        return line
    return line[:start] + new + line[end:]


# -- pytest settings ---------------------------------------------------------------


def _add_settings(text: str, section: tuple[int, int], needs: Needs, toml: bool) -> str:
    body = text[section[0] : section[1]]
    settings: dict[str, str | list[str]] = {}
    if needs.async_tests:
        settings["asyncio_mode"] = needs.asyncio_mode
        settings["asyncio_default_fixture_loop_scope"] = "function"
    if needs.pythonpath:
        settings["pythonpath"] = sorted(needs.pythonpath)
    lines = []
    for key, value in settings.items():
        if re.search(rf"^{key}\b", body, re.MULTILINE):
            continue
        if isinstance(value, list):
            listed = ", ".join(f'"{v}"' for v in value)
            lines.append(f"{key} = [{listed}]" if toml else f"{key} = {' '.join(value)}")
        else:
            lines.append(f'{key} = "{value}"' if toml else f"{key} = {value}")
    if not lines:
        return text
    content_end = section[0] + len(body.rstrip())
    addition = "".join(f"\n{line}" for line in lines)
    return text[:content_end] + addition + text[content_end:]


def edit_ini(text: str, needs: Needs, sections: tuple[str, ...]) -> str:
    if not needs.pytest_settings():
        return text
    for header in sections:
        found = section(text, header)
        if found is not None:
            return _add_settings(text, found, needs, toml=False)
    return text


# -- requirements files ----------------------------------------------------------


def edit_requirements(text: str, needs: Needs, testing: bool) -> str:
    out: list[str] = []
    present: set[str] = set()
    listed = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        requirement = stripped.split(" #", 1)[0].strip()
        name = (
            requirement_name(requirement)
            if requirement and not requirement.startswith(("#", "-"))
            else ""
        )
        listed = listed or bool(name)
        if name:
            present.add(name)
            edited = _edit_spec(requirement, needs, testing)
            if edited is None:
                continue
            line = line.replace(requirement, edited, 1)
        out.append(line)
    if not listed:
        return "".join(out)  # only includes (``-r requirements.txt``) or empty: leave it
    new = "".join(out)
    missing = _missing(present, needs, testing)
    if missing:
        newline = "\r\n" if "\r\n" in text else "\n"
        if new and not new.endswith("\n"):
            new += newline
        new += "".join(f"{spec}{newline}" for spec in missing)
    return new


# -- setup.py: code, edited only where it is a plain list of strings ---------------


def edit_setup_py(text: str, needs: Needs) -> str:
    """``install_requires=[...]``, and the test lists (``tests_require=[...]``,
    ``extras_require={"test": [...]}``), each where it is a literal list of
    strings; else as is."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return text
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans: list[tuple[int, bool]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.keyword):
            continue
        lists: list[tuple[ast.expr, bool]] = []
        if node.arg == "install_requires":
            lists.append((node.value, False))
        elif node.arg == "tests_require":
            lists.append((node.value, True))
        elif node.arg == "extras_require" and isinstance(node.value, ast.Dict):
            lists += [
                (value, True)
                for key, value in zip(node.value.keys, node.value.values, strict=True)
                if isinstance(key, ast.Constant) and key.value in TEST_EXTRAS
            ]
        for value, testing in lists:
            if isinstance(value, ast.List) and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
            ):
                at = offsets[value.lineno - 1] + _col(lines[value.lineno - 1], value.col_offset)
                spans.append((at, testing))
    for start, testing in sorted(spans, reverse=True):
        text = edit_array(text, start, needs, testing=testing)
    return text


def _col(line: str, utf8_offset: int) -> int:
    return len(line.encode("utf-8")[:utf8_offset].decode("utf-8", "replace"))


def setup_py_todo(text: str, needs: Needs) -> str | None:
    """What to add by hand when ``install_requires`` is not a plain list."""
    if "install_requires" not in text or edit_setup_py(text, needs) != text:
        return None
    lowered = {requirement_name(m) for m in re.findall(r"[\"']([^\"']+)[\"']", text)}
    missing = [spec for name, spec in _wanted(needs, False).items() if name not in lowered]
    if not missing:
        return None
    return "add to install_requires in setup.py: " + ", ".join(f'"{s}"' for s in missing)
