"""The source diff behind one endpoint: its view and the package functions it calls.

Starting from the view function serving a route, calls are followed through
the package's own modules (relative and absolute imports, ``module.func``
and plain ``func`` calls, decorators) a few levels deep, on both versions;
every function whose source differs is diffed on its own. Analysis is by
``ast`` on the files, so neither app is imported here.
"""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass
from pathlib import Path

#: How many calls deep to follow from the view.
MAX_DEPTH = 3


@dataclass(frozen=True)
class FunctionDiff:
    """A unified diff of one function (``path`` relative to the package folder)."""

    path: str
    qualname: str
    diff: str


@dataclass(frozen=True)
class _Ref:
    path: str  # module file, relative to the package folder
    qualname: str


class _Package:
    """Parsed modules of one package folder, cached."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root
        self.name = name
        self._trees: dict[str, ast.Module | None] = {}
        self._sources: dict[str, str] = {}

    def module_path(self, dotted: str) -> str | None:
        """``views.dashboard`` (relative to the package) -> ``views/dashboard.py``."""
        base = dotted.replace(".", "/") if dotted else ""
        for candidate in (f"{base}.py", f"{base}/__init__.py" if base else "__init__.py"):
            if (self.root / candidate).is_file():
                return candidate
        return None

    def tree(self, path: str) -> ast.Module | None:
        if path not in self._trees:
            try:
                self._sources[path] = (self.root / path).read_text(encoding="utf-8")
                self._trees[path] = ast.parse(self._sources[path])
            except (OSError, SyntaxError, UnicodeDecodeError):
                self._trees[path] = None
        return self._trees[path]

    def source_of(self, ref: _Ref) -> str | None:
        tree = self.tree(ref.path)
        node = _find_def(tree, ref.qualname) if tree else None
        if node is None:
            return None
        lines = self._sources[ref.path].splitlines(keepends=True)
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        return "".join(lines[first - 1 : node.end_lineno])

    def callees(self, ref: _Ref) -> list[_Ref]:
        """Package functions that ``ref`` calls or is decorated with, in source order."""
        tree = self.tree(ref.path)
        node = _find_def(tree, ref.qualname) if tree else None
        if tree is None or node is None:
            return []
        imported = self._imports(ref.path, tree)
        local = {
            n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        found: list[_Ref] = []
        targets = [
            *node.decorator_list,
            *(c.func for c in ast.walk(node) if isinstance(c, ast.Call)),
        ]
        for target in targets:
            if isinstance(target, ast.Call):
                target = target.func
            if isinstance(target, ast.Name):
                if target.id in local:
                    found.append(_Ref(ref.path, target.id))
                elif target.id in imported and imported[target.id][1]:
                    path, name = imported[target.id]
                    found.append(_Ref(path, name))
            elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                owner = imported.get(target.value.id)
                if owner is not None and owner[1] == "":
                    found.append(_Ref(owner[0], target.attr))
        return list(dict.fromkeys(found))

    def _imports(self, path: str, tree: ast.Module) -> dict[str, tuple[str, str]]:
        """Local name -> (module file, function name or "" for a module)."""
        package_parts = path.split("/")[:-1]
        names: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                keep = len(package_parts) - (node.level - 1)
                if keep < 0:
                    continue
                base = package_parts[:keep]
            elif node.module and node.module.split(".")[0] == self.name:
                base = []
            else:
                continue
            module = ".".join(base + (node.module.split(".") if node.module else []))
            if not node.level and node.module:
                module = ".".join(node.module.split(".")[1:])
            for alias in node.names:
                local_name = alias.asname or alias.name
                submodule = self.module_path(f"{module}.{alias.name}" if module else alias.name)
                if submodule is not None:
                    names[local_name] = (submodule, "")
                elif (target := self.module_path(module)) is not None:
                    names[local_name] = (target, alias.name)
        return names


def _find_def(tree: ast.Module, qualname: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    body: list[ast.stmt] = tree.body
    parts = qualname.split(".")
    for index, part in enumerate(parts):
        for node in body:
            if getattr(node, "name", None) != part:
                continue
            if index == len(parts) - 1 and isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef)
            ):
                return node
            if isinstance(node, ast.ClassDef):
                body = node.body
                break
        else:
            return None
    return None


def endpoint_diff(
    before_root: Path,
    before_package: str,
    before_view: tuple[str, str],
    after_root: Path,
    after_package: str,
    after_view: tuple[str, str],
) -> list[FunctionDiff]:
    """Diffs of the changed functions behind one endpoint.

    ``*_view`` is ``(module, qualname)`` of the view function as the app
    reported it (``sample_legacy_app.views.dashboard``, ``dashboard``).
    """
    sides = (_Package(before_root, before_package), _Package(after_root, after_package))
    refs: list[_Ref] = []
    for package, (module, qualname) in zip(sides, (before_view, after_view)):
        relative = module.split(".", 1)[1] if "." in module else ""
        path = package.module_path(relative)
        if path is None:
            continue
        frontier = [_Ref(path, qualname)]
        for _ in range(MAX_DEPTH + 1):
            refs.extend(frontier)
            frontier = [c for ref in frontier for c in package.callees(ref) if c not in refs]
    diffs = []
    for ref in dict.fromkeys(refs):
        old, new = (side.source_of(ref) or "" for side in sides)
        if old == new:
            continue
        text = "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                f"before/{ref.path}:{ref.qualname}",
                f"after/{ref.path}:{ref.qualname}",
                n=3,
            )
        )
        diffs.append(FunctionDiff(ref.path, ref.qualname, text))
    return diffs
