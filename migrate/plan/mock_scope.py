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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..analyse.catalogue import HTTP_VERBS
from ..analyse.frameworks import patch_injected, requests_family
from .requests_mock_uses import requests_mock_unported
from .responses_uses import ResponsesUses, responses_uses

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
    # Why a file whose code all moves keeps its requests mocks: a use of responses
    # or requests-mock with no respx twin (plan/responses_uses.py,
    # plan/requests_mock_uses.py); they stay whole, never half moved.
    held: str = ""


@dataclass(frozen=True)
class MockScope:
    """The verdict for every test file that mocks requests."""

    moving: frozenset[str] = frozenset()
    mixed: dict[str, Mixed] = field(default_factory=dict)
    # Moving test files -> the fixtures of their conftest.py files giving a
    # responses.RequestsMock (a respx router once moved).
    fixtures: dict[str, frozenset[str]] = field(default_factory=dict)
    # Fixtures handing on requests-mock's mocker (see mocker_fixtures).
    mockers: frozenset[str] = frozenset()

    def reason(self, module: str) -> str:
        mixed = self.mixed[module]
        keeping, moving = ", ".join(mixed.keeping), ", ".join(mixed.moving)
        if mixed.held:
            verb = "moves" if len(mixed.moving) == 1 else "move"
            return (
                f"requests mocks kept whole: {mixed.held}; {moving} {verb} to httpx, and"
                " respx hands their requests to this file's requests mocks (the"
                " httpx_answered_as_requests fixture), which answer and count them as"
                " before: none reaches the network"
            )
        keep = "still sends" if len(mixed.keeping) == 1 else "still send"
        move = "moves" if len(mixed.moving) == 1 else "move"
        sides = f"{keeping} {keep} through requests while {moving} {move} to httpx"
        if mixed.patched_only:
            return (
                f"mixed test file: {sides}; its unittest.mock patches of requests stay and get"
                " httpx twins answering as they do (a TODO where a patch is started by hand);"
                " any other httpx request fails to connect, never reaching the network"
            )
        return (
            f"mixed test file: {sides}; its requests mocks stay and respx hands httpx's"
            " requests to them (the httpx_answered_as_requests fixture), so both are"
            " answered and counted as before; with no requests mock active, a request to"
            " this machine goes through and any other fails to connect"
        )


# unittest.mock patches of requests: ``patch("shop.api.requests.get")``,
# ``patch("requests.Session.post")``, ``patch.object(requests.Session, "get")``; and
# pytest's ``monkeypatch.setattr`` of the same, in either form.
_PATCHED_REQUESTS = re.compile(
    r"""\b(?:patch|setattr)\(\s*[rbu]?["'](?:[\w.]+\.)?requests\.[\w.]+["']"""
    r"""|\b(?:patch\.object|setattr)\(\s*requests(?:\.api|(?:\.sessions)?\.Session)?\s*,"""
    # The module as the code under test names it: ``patch("shop.api.requests")``.
    r"""|\bpatch\(\s*[rbu]?["'][\w.]+\.requests["']"""
    r"""|\bpatch\.object\(\s*[\w.]+\s*,\s*[rbu]?["']requests["']"""
    r"""|\b(?:patch\.object|setattr)\(\s*[\w.]+\.requests\s*,"""
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
    requests-mock, httpretty's fake sockets), not only some of its functions
    (``unittest.mock``)."""
    if "responses" in text and _imports(text, "responses"):
        return True
    if fakes_sockets(text):
        return True
    if "requests_mock" not in text or re.search(r"\brequests_mock\b", text) is None:
        return False
    return _imports(text, "requests_mock") or requests_mock_fixture(text)


def fakes_sockets(text: str) -> bool:
    """Whether a file mocks HTTP with httpretty, which fakes blocking sockets:
    httpx's async transport never reaches them."""
    return "httpretty" in text and _imports(text, "httpretty")


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
    patched: Mapping[str, Mapping[str, str]] | None = None,
) -> MockScope:
    """Judge each test file that mocks requests by the code it reaches.

    ``to_httpx`` holds the modules whose HTTP calls move to httpx in this run;
    ``keeps_calls(module, only)`` tells whether requests calls in an analysed
    module (of the functions ``only`` names, if given) stay as they are;
    ``converted`` the classes extending requests that become httpx classes (a
    Session subclass, an AuthBase). A test file that patches only some of
    requests' module functions (``patch("requests.post")``) is mixed only when
    code it reaches keeps calling one of those. ``patched``: test modules -> the patch
    targets they name requests through, spelt through the code under test
    (``"ovh.client.Session.request"``) -> what they name.
    """
    reach = _Imports(project)
    moving: set[str] = set()
    mixed: dict[str, Mixed] = {}
    uses = _responses_uses(project, reach)
    moved_by: dict[str, tuple[str, ...]] = {}
    trees = _requests_mock_trees(project)
    mockers = mocker_fixtures(trees.values())
    taking = re.compile(rf"def \w+\([^)]*\b({'|'.join(mockers)})\b") if mockers else None
    for module, loaded in project.files.items():
        aliased = (patched or {}).get(module, {})
        mocker = taking is not None and taking.search(loaded.source.text) is not None
        if not (mocks_requests(loaded.source.text) or mocker) and module not in uses:
            if not aliased:
                continue
        reached = reach.closure(module)
        moved = sorted(reached & to_httpx)
        moved_by[module] = tuple(moved)
        # A patch spelt through the code under test may be of a Session method: any
        # kept requests call may be what it catches.
        only = None if aliased else patched_functions(loaded.source.text)
        keeping = sorted(
            m for m in reached if _keeps_requests(m, project, keeps_calls, converted, only)
        )
        if moved and keeping:
            patched_only = not (mocks_transport(loaded.source.text) or mocker)
            mixed[module] = Mixed(tuple(keeping), tuple(moved), patched_only)
        elif moved and fakes_sockets(loaded.source.text):
            # Its registrations stay, and answer httpx's requests handed to requests.
            held = "httpretty fakes blocking sockets, which httpx's async transport never uses"
            mixed[module] = Mixed((), tuple(moved), held=held)
        elif moved and module in uses and uses[module][0].unported:
            mixed[module] = Mixed((), tuple(moved), held=uses[module][0].reason())
        elif moved and module in trees and (unported := requests_mock_unported(trees[module])):
            mixed[module] = Mixed((), tuple(moved), held=unported)
        elif moved:
            moving.add(module)
    _hold_together(uses, moving, mixed, moved_by)
    _hold_below(reach, moving, mixed, moved_by)
    fixtures = {m: uses[m][1] for m in moving if m in uses and uses[m][1]}
    return MockScope(frozenset(moving), mixed, fixtures, mockers)


def _requests_mock_trees(project: Project) -> dict[str, ast.Module]:
    """The modules that mention requests_mock, parsed (once, for every question
    asked of them here); one that does not parse is left out (the reader
    reports it)."""
    trees = {}
    for module, loaded in project.files.items():
        if "requests_mock" in loaded.source.text:
            try:
                trees[module] = ast.parse(loaded.source.text)
            except SyntaxError:
                continue
    return trees


def mocker_fixtures(trees: Iterable[ast.Module]) -> frozenset[str]:
    """Fixtures handing on requests-mock's mocker, having set it up (``def wx(
    requests_mock): requests_mock.get(...); return requests_mock``): a test taking
    one mocks requests through it, as through the fixture itself."""
    found = set()
    for tree in trees:
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or not node.decorator_list:
                continue
            if "requests_mock" not in {a.arg for a in node.args.args}:
                continue
            handed = any(
                isinstance(sub, ast.Return | ast.Yield)
                and isinstance(sub.value, ast.Name)
                and sub.value.id == "requests_mock"
                for sub in ast.walk(node)
            )
            if handed:
                found.add(node.name)
    return frozenset(found)


def _responses_uses(
    project: Project, reach: _Imports
) -> dict[str, tuple[ResponsesUses, frozenset[str]]]:
    """Each file using responses -> how (plan/responses_uses.py), and the fixtures
    its conftest.py files give a RequestsMock with."""
    given: dict[str, ResponsesUses] = {}
    for module, loaded in project.files.items():
        if _imports(loaded.source.text, "responses"):
            given[module] = responses_uses(loaded.source.text)
    found = {}
    for module, loaded in project.files.items():
        outer = frozenset(
            name
            for conftest in reach._conftests_of(module)
            if conftest != module and conftest in given
            for name in given[conftest].fixtures
        )
        judged = responses_uses(loaded.source.text, outer) if outer else given.get(module)
        if judged is not None and (module in given or judged.taken):
            found[module] = (judged, outer)
    return found


def _hold_together(
    uses: dict[str, tuple[ResponsesUses, frozenset[str]]],
    moving: set[str],
    mixed: dict[str, Mixed],
    moved_by: dict[str, tuple[str, ...]],
) -> None:
    """A RequestsMock fixture of a conftest.py and the test files taking it keep
    their mocks or move them together: a router handed to tests registering on a
    RequestsMock (or the other way round) catches nothing."""
    changed = True
    while changed:
        changed = False
        for module, (judged, _) in uses.items():
            taken = judged.taken
            if not taken:
                continue
            for conftest, (theirs, _) in uses.items():
                if conftest == module or not taken & theirs.fixtures:
                    continue
                names = ", ".join(sorted(taken & theirs.fixtures))
                pair = ((module, conftest), (conftest, module))
                for one, other in pair:
                    if one in moving and other in mixed:
                        moving.discard(one)
                        why = f"its RequestsMock fixture {names} is shared with {other}"
                        mixed[one] = Mixed((), moved_by[one], held=f"{why}, whose mocks stay")
                        changed = True


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
    if any(requests_family(target, project.packages) for target in facts.imports.values()):
        return True
    return keeps_calls(module, None)


def _sends(base: str) -> bool:
    """A base class from requests whose subclasses send requests: a Session or a
    transport adapter (an exception or an auth class sends nothing)."""
    return base.startswith("requests.") and (
        base.rsplit(".", 1)[-1] == "Session" or ".adapters." in base or "Adapter" in base
    )


def _hold_below(
    reach: _Imports,
    moving: set[str],
    mixed: dict[str, Mixed],
    moved_by: dict[str, tuple[str, ...]],
) -> None:
    """A ``conftest.py`` keeping its responses mocks gets an autouse fixture handing
    every httpx request below it to requests: a test file there whose mocks moved
    to respx would see its requests taken by that fixture first. They stay too."""
    for conftest, kept in list(mixed.items()):
        if not kept.held or not reach._is_conftest(conftest):
            continue
        for module in reach._below(reach._folder(conftest)):
            if module in moving:
                moving.discard(module)
                why = f"the conftest.py above, {conftest}, keeps its responses mocks"
                mixed[module] = Mixed((), moved_by[module], held=why)


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


def requests_mock_fixture(text: str) -> bool:
    """Whether a test takes requests-mock's pytest fixture: a parameter named
    ``requests_mock`` that no ``mock.patch`` decorator fills (``@patch("app.requests")
    def test(requests_mock)`` only names the patch's mock so)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return True
    for node in ast.walk(tree):
        around = 0
        if isinstance(node, ast.ClassDef):
            around = patch_injected(node.decorator_list)  # each test method gets them too
            functions = [
                f for f in node.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
        elif isinstance(node, ast.Module):
            functions = [
                f for f in node.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
        else:
            continue
        for fn in functions:
            names = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]
            names = names[1:] if names[:1] in (["self"], ["cls"]) else names
            filled = patch_injected(fn.decorator_list) + (
                around if fn.name.startswith("test") else 0
            )
            if "requests_mock" in names[filled:] + [a.arg for a in fn.args.kwonlyargs]:
                return True
    return False


def _imports(text: str, module: str) -> bool:
    pattern = rf"^[ \t]*(?:import|from)[ \t]+{re.escape(module)}\b"
    return re.search(pattern, text, re.MULTILINE) is not None
