"""What the Quart stage needs to know about a whole project, read with ``ast``.

The Flask -> Quart stage (MIG011) rewrites each file on its own, except for
two facts that cross files: where the app is made (its factory opens and
closes the process-wide HTTP clients) and which fixtures hand out a test
client (tests that use them become async). Extensions without a Quart twin
are listed for the plan.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .project import Project

#: The class ``migrate apply`` writes for a module-level client under Flask
#: (one client per event loop, docs/client-lifetime.md): in the package's
#: helpers module, or (written by earlier versions) in the module itself.
#: Under Quart one loop serves the process, so the client is opened and
#: closed with the server.
PER_LOOP_CLIENT_CLASSES = frozenset({"AsyncClientPerLoop", "_AsyncClientPerLoop"})

#: Flask extensions with a Quart twin (import name -> twin's import name).
EXTENSION_TWINS: dict[str, str] = {
    "flask_cors": "quart_cors",
    "flask_login": "quart_auth",
    "flask_wtf": "quart_wtf",
    "flask_sqlalchemy": "quart_sqlalchemy",
    "flask_limiter": "quart_rate_limiter",
    "flask_babel": "quart_babel",
    "flask_caching": "quart_caching",
    "flask_session": "quart_session",
    "flask_uploads": "quart_uploads",
    "flask_compress": "quart_compress",
    "flask_mail": "quart_mail",
}


@dataclass(frozen=True)
class SharedClient:
    """A module-level per-loop client: ``session = _AsyncClientPerLoop(_new_session)``."""

    module: str
    name: str
    factory: str
    #: The class's name, and the module it is imported from ("" if defined here).
    class_name: str = "AsyncClientPerLoop"
    imported_from: str = ""


@dataclass(frozen=True)
class Extension:
    """A Flask extension the project imports, and its Quart twin if there is one."""

    module: str
    line: int
    name: str
    twin: str | None


@dataclass
class QuartFacts:
    """The project-wide facts of the Quart stage."""

    #: Modules that import flask or hold a per-loop client: the files to rewrite.
    flask_modules: set[str] = field(default_factory=set)
    clients: list[SharedClient] = field(default_factory=list)
    #: Modules whose functions make the app (``Flask(...)`` inside a function).
    factories: set[str] = field(default_factory=set)
    #: Fixtures that return or yield ``<app>.test_client()``.
    client_fixtures: set[str] = field(default_factory=set)
    extensions: list[Extension] = field(default_factory=list)
    #: Parameters of test functions, by module (which of them are test clients
    #: is known once every fixture was seen).
    test_params: dict[str, set[str]] = field(default_factory=dict)

    def modules_to_rewrite(self) -> set[str]:
        """Modules that use flask, and test modules that take a test client fixture."""
        tests = {m for m, params in self.test_params.items() if params & self.client_fixtures}
        return self.flask_modules | tests

    def clients_for(self, factory_module: str) -> list[SharedClient]:
        """Clients in the factory's own package (the app opens only its own)."""
        package = factory_module.rpartition(".")[0] or factory_module
        return [
            c for c in self.clients if c.module == package or c.module.startswith(package + ".")
        ]


def quart_facts(project: Project) -> QuartFacts:
    """Read every module once, with ``ast`` (tests need not mention flask)."""
    facts = QuartFacts()
    for module, loaded in sorted(project.files.items()):
        text = loaded.source.text
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue  # reported by the reader already
        _scan(module, tree, facts)
    return facts


def _scan(module: str, tree: ast.Module, facts: QuartFacts) -> None:
    imported_from = {
        alias.asname or alias.name: node.module or ""
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            _import(module, node.module, node.lineno, facts)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                _import(module, alias.name, node.lineno, facts)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            _function(module, node, facts)
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name)
            and stmt.value.func.id in PER_LOOP_CLIENT_CLASSES
            and stmt.value.args
            and isinstance(stmt.value.args[0], ast.Name)
        ):
            class_name = stmt.value.func.id
            client = SharedClient(
                module,
                stmt.targets[0].id,
                stmt.value.args[0].id,
                class_name,
                imported_from.get(class_name, ""),
            )
            facts.clients.append(client)
            facts.flask_modules.add(module)


def _import(module: str, imported: str, line: int, facts: QuartFacts) -> None:
    top = imported.split(".")[0]
    if top == "flask":
        facts.flask_modules.add(module)
    elif top.startswith("flask_"):
        facts.flask_modules.add(module)
        facts.extensions.append(Extension(module, line, top, EXTENSION_TWINS.get(top)))


def _function(module: str, fn: ast.FunctionDef | ast.AsyncFunctionDef, facts: QuartFacts) -> None:
    if fn.name.startswith("test"):
        facts.test_params.setdefault(module, set()).update(a.arg for a in fn.args.args)
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "Flask":
            facts.factories.add(module)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "test_client"
            and any(_is_fixture(d) for d in fn.decorator_list)
        ):
            facts.client_fixtures.add(fn.name)
            facts.flask_modules.add(module)


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr == "fixture"
