"""How migrate/ is built: no import cycles, modules of a readable size.

Both are read statically from the source, so a lazy import inside a
function counts as much as one at the top: a cycle hidden in a function is
still two modules that cannot be understood apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "migrate"
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(module: str, path: Path) -> set[str]:
    """The migrate modules ``module`` imports, from every import statement in it."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            if node.level:
                base = ".".join(p for p in (base, node.module) if p)
            else:
                base = node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: _imported(module, path) for module, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph[node]):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_relative_imports_resolve_to_modules() -> None:
    # ``from .model import Plan`` in a package, ``from ..analyse import run``, ``import migrate``.
    assert "migrate.plan.model" in GRAPH["migrate.plan"]
    assert "migrate.analyse.run" in GRAPH["migrate.cli"]


def test_no_import_cycles_inside_migrate() -> None:
    cycles = _cycles(GRAPH)
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def _too_long() -> list[str]:
    long = []
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        # A module may be longer when its docstring says why: "... is long because ...".
        if lines > MAX_LINES and "long because" not in docstring:
            long.append(f"{module} ({lines} lines)")
    return long


def test_no_module_over_the_line_budget_without_a_reason() -> None:
    assert not _too_long(), f"over {MAX_LINES} lines, docstring gives no reason: {_too_long()}"


def _reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for name in GRAPH[todo.pop()]:
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


# Data flows one way: read -> analyse -> plan -> rewrite. A stage never reaches
# a later one, even through a third module: rewrite carries out the plan, the
# plan does not know how.
LATER = {
    "migrate.read": ("migrate.analyse", "migrate.plan", "migrate.rewrite"),
    "migrate.analyse": ("migrate.plan", "migrate.rewrite"),
    "migrate.plan": ("migrate.rewrite",),
}


@pytest.mark.parametrize("stage", sorted(LATER))
def test_a_stage_never_imports_a_later_one(stage: str) -> None:
    for module in (m for m in GRAPH if m == stage or m.startswith(stage + ".")):
        later = sorted(
            name
            for name in _reachable(module)
            if any(name == s or name.startswith(s + ".") for s in LATER[stage])
        )
        assert not later, f"{module} reaches {later}"


VERBS = {"get", "post", "put", "patch", "delete", "head", "options"}


def test_the_http_verb_list_is_written_once() -> None:
    """``migrate.analyse.catalogue.HTTP_VERBS``; everything else refers to it."""
    found = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                words = {
                    e.value.lower()
                    for e in node.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
                if VERBS <= words:
                    found.append(f"{module}:{node.lineno}")
    assert len(found) == 1 and found[0].startswith("migrate.analyse.catalogue:"), found
