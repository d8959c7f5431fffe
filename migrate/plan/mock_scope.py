"""Which test files' HTTP mocks move to respx: only with the code they mock.

``responses`` and requests-mock patch requests; respx patches httpx. A test
whose mocks moved while the code it exercises still sends through requests,
or whose mocks stayed while that code moved to httpx, sends real requests to
the network. So each test file that mocks requests is judged on its own: the
project modules it reaches through imports (and its ``conftest.py`` files)
are split into those whose calls move to httpx in this run and those that
keep sending through requests afterwards. Its mocks move when something moves
and nothing keeps. When both happen in one test file (it is *mixed*), its
requests mocks stay and respx hands httpx's requests to them (rewrite rule
``http_mocks/mixed.py``), so both libraries are caught; a file that mocks
requests only with ``unittest.mock`` patches gets an httpx twin of each
(``http_mocks/mixed_patches.py``), and any httpx request left unmocked fails
to connect. The plan names each mixed file and says which.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..analyse.catalogue import HTTP_VERBS
from ..analyse.frameworks import REQUESTS_BASED_PACKAGES

if TYPE_CHECKING:
    from ..analyse.project import Project


@dataclass(frozen=True)
class Mixed:
    """A mixed test file: the modules it reaches that keep requests and those that
    move to httpx, and whether its requests mocks are only ``unittest.mock``
    patches of requests' functions (nothing that could answer httpx's requests)."""

    keeping: tuple[str, ...]
    moving: tuple[str, ...]
    patched_only: bool = False


@dataclass(frozen=True)
class MockScope:
    """The verdict for every test file that mocks requests."""

    moving: frozenset[str] = frozenset()
    mixed: dict[str, Mixed] = field(default_factory=dict)

    def reason(self, module: str) -> str:
        mixed = self.mixed[module]
        keeping, moving = ", ".join(mixed.keeping), ", ".join(mixed.moving)
        sides = f"{keeping} still send through requests while {moving} move to httpx"
        if mixed.patched_only:
            return (
                f"mixed test file: {sides}; its unittest.mock patches of requests stay and get"
                " httpx twins answering as they do (a TODO where a patch is started by hand);"
                " any other httpx request fails to connect, never reaching the network"
            )
        return (
            f"mixed test file: {sides}; its requests mocks stay and respx hands httpx's"
            " requests to them (the httpx_answered_as_requests fixture), so both are"
            " answered and counted as before"
        )


# unittest.mock patches of requests: ``patch("shop.api.requests.get")``,
# ``patch("requests.Session.post")``, ``patch.object(requests.Session, "get")``.
_PATCHED_REQUESTS = re.compile(
    r"""\bpatch\(\s*[rbu]?["'](?:[\w.]+\.)?requests\.[\w.]+["']"""
    r"""|\bpatch\.object\(\s*requests(?:\.api|(?:\.sessions)?\.Session)?\s*,"""
)


# ``patch("requests.post")``, ``patch("shop.api.requests.get")``: one of requests' module
# functions, which catches only the calls made through that function.
_PATCHED_FUNCTION = re.compile(r"""["'](?:[\w.]+\.)?requests\.(?:api\.)?(\w+)["']""")
_MODULE_FUNCTIONS = frozenset({*HTTP_VERBS, "request"})


def patched_functions(text: str) -> frozenset[str] | None:
    """The module functions of requests (``requests.post``) a test file patches, when
    that is all it mocks of requests; None when it mocks more (``responses``,
    requests-mock, a Session's methods), which catches every request."""
    if mocks_transport(text):
        return None
    found = set()
    for patch in _PATCHED_REQUESTS.finditer(text):
        function = _PATCHED_FUNCTION.search(patch.group())
        if function is None or function.group(1) not in _MODULE_FUNCTIONS:
            return None
        found.add(f"requests.{function.group(1)}")
    return frozenset(found) or None


def mocks_transport(text: str) -> bool:
    """Whether a file mocks requests where every request passes (``responses``,
    requests-mock), not only some of its functions (``unittest.mock``)."""
    if "responses" in text and _imports(text, "responses"):
        return True
    return "requests_mock" in text and re.search(r"\brequests_mock\b", text) is not None


def mocks_requests(text: str) -> bool:
    """Whether a file uses ``responses`` or requests-mock (its fixture is only a
    parameter), or patches requests' functions with unittest.mock."""
    if mocks_transport(text):
        return True
    return "requests" in text and _PATCHED_REQUESTS.search(text) is not None


def scope_mocks(
    project: Project,
    to_httpx: set[str],
    keeps_calls: Callable[[str, frozenset[str] | None], bool],
    converted: frozenset[str] = frozenset(),
) -> MockScope:
    """Judge each test file that mocks requests by the code it reaches.

    ``to_httpx`` holds the modules whose HTTP calls move to httpx in this run;
    ``keeps_calls(module, only)`` tells whether requests calls in an analysed
    module (of the functions ``only`` names, if given) stay as they are;
    ``converted`` the classes extending requests that become httpx classes (a
    Session subclass, an AuthBase). A test file that patches only some of
    requests' module functions (``patch("requests.post")``) is mixed only when
    code it reaches keeps calling one of those.
    """
    reach = _Imports(project)
    moving: set[str] = set()
    mixed: dict[str, Mixed] = {}
    for module, loaded in project.files.items():
        if not mocks_requests(loaded.source.text):
            continue
        reached = reach.closure(module)
        moved = sorted(reached & to_httpx)
        only = patched_functions(loaded.source.text)
        keeping = sorted(
            m for m in reached if _keeps_requests(m, project, keeps_calls, converted, only)
        )
        if moved and keeping:
            patched_only = not mocks_transport(loaded.source.text)
            mixed[module] = Mixed(tuple(keeping), tuple(moved), patched_only)
        elif moved:
            moving.add(module)
    return MockScope(frozenset(moving), mixed)


def _keeps_requests(
    module: str,
    project: Project,
    keeps_calls: Callable[[str, frozenset[str] | None], bool],
    converted: frozenset[str],
    only: frozenset[str] | None,
) -> bool:
    """Whether ``module`` still sends through requests (through the functions
    ``only`` names, if given) after this run."""
    facts = project.facts.get(module)
    if facts is None:
        # Not analysed: it does not import requests (every file that does is).
        return False
    if only is not None:
        # Sessions, adapters and their subclasses do not go through requests.post.
        return keeps_calls(module, only)
    if any(
        _sends(base)
        for cls, bases in facts.classes.items()
        if cls not in converted
        for base in bases
    ):
        return True  # a Session (or adapter) subclass: its traffic is requests'
    if any(_requests_based(target) for target in facts.imports.values()):
        return True
    return keeps_calls(module, None)


def _sends(base: str) -> bool:
    """A base class from requests whose subclasses send requests: a Session or a
    transport adapter (an exception or an auth class sends nothing)."""
    return base.startswith("requests.") and (
        base.rsplit(".", 1)[-1] == "Session" or ".adapters." in base or "Adapter" in base
    )


def _requests_based(target: str) -> bool:
    top = target.split(".", 1)[0]
    return top in REQUESTS_BASED_PACKAGES or (
        top.startswith("requests_") and top != "requests_mock"
    )


class _Imports:
    """Project modules a module reaches through imports, transitively."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._direct: dict[str, set[str]] = {}
        self._conftests = [
            (PurePath(f.source.path).parent, m)
            for m, f in project.files.items()
            if PurePath(f.source.path).name == "conftest.py"
        ]

    def closure(self, module: str) -> set[str]:
        """What ``module`` reaches; a ``conftest.py`` reaches what its tests reach."""
        served = self._below(self._folder(module)) if self._is_conftest(module) else []
        seen = {module}
        todo = [module, *served, *self._conftests_of(module)]
        seen.update(todo)
        while todo:
            for reached in self.direct(todo.pop()):
                if reached not in seen:
                    seen.add(reached)
                    todo.append(reached)
        return seen

    def _is_conftest(self, module: str) -> bool:
        return PurePath(self.project.files[module].source.path).name == "conftest.py"

    def _below(self, folder: PurePath) -> list[str]:
        return [m for m in self.project.files if self._folder(m).is_relative_to(folder)]

    def _folder(self, module: str) -> PurePath:
        return PurePath(self.project.files[module].source.path).parent

    def _conftests_of(self, module: str) -> list[str]:
        folder = self._folder(module)
        return [m for d, m in self._conftests if folder.is_relative_to(d)]

    def direct(self, module: str) -> set[str]:
        if module not in self._direct:
            self._direct[module] = set(self._project_modules(self._imported(module)))
        return self._direct[module]

    def _imported(self, module: str) -> Iterable[str]:
        loaded = self.project.files[module]
        if loaded.facts is not None:
            return loaded.facts.imports.values()
        try:
            tree = ast.parse(loaded.source.text)
        except (SyntaxError, ValueError):
            return ()
        is_package = PurePath(loaded.source.path).name == "__init__.py"
        package = module if is_package else module.rpartition(".")[0]
        names: list[str] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".") if package else []
                    parts = parts[: len(parts) - node.level + 1] if node.level > 1 else parts
                    base = ".".join([*parts, base] if base else parts)
                names.extend(f"{base}.{alias.name}" if base else alias.name for alias in node.names)
        return names

    def _project_modules(self, names: Iterable[str]) -> Iterable[str]:
        for name in names:
            parts = name.split(".")
            for end in range(len(parts), 0, -1):
                candidate = self.project.canonical(".".join(parts[:end]))
                if candidate in self.project.files:
                    yield candidate
                    break


def _imports(text: str, module: str) -> bool:
    pattern = rf"^[ \t]*(?:import|from)[ \t]+{re.escape(module)}\b"
    return re.search(pattern, text, re.MULTILINE) is not None
