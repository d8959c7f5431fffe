"""Before anything is written: no call to a function that became async is left bare.

The rewrite puts ``await`` where the analysis saw a call. This check does
not trust the analysis: it reads the whole tree as it *will be* (new text
for the files that change, the old text for the rest) with stdlib ``ast``,
finds the functions that became async in this run, resolves every call to
them in every file, and asks how each result is used. A coroutine must be
awaited, handed to something that runs it (``asyncio.gather``, a task, a
``gather`` helper, ``asyncio.run``...), collected into a container that is,
or returned from a sync function on purpose. Anything else (a bare call, an
attribute of the result, a value nobody awaits) is reported as
``file:line`` and blocks the write.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..analyse.scopes import bound_names, comprehension_names, is_generator, parameters
from ..analyse.tree import resolve_relative
from ..read.sources import base_of, module_names, root_dirs, unique_aliases

# Calls that run a coroutine, or take it to run later.
CONSUMERS = frozenset(
    {
        "run",
        # The helpers module's asyncio.run for sync code that may run on a loop,
        # its runner for ``__del__``, and its waiter for dunders Python runs.
        "run_coroutine",
        "run_soon",
        "block_on",
        "gather",
        "wait",
        "wait_for",
        "shield",
        "as_completed",
        "create_task",
        "ensure_future",
        "run_until_complete",
        "run_coroutine_threadsafe",
        "start_soon",
        "submit",  # the TaskPool helper's (a thread pool's calls, now tasks)
        "timeout",
    }
)
# Methods that put a coroutine in a collection someone gathers later.
COLLECTORS = frozenset({"append", "add", "extend", "insert", "put", "put_nowait", "setdefault"})

_Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class TreeFile:
    """One Python file of the tree: its module name and its text before and after."""

    path: Path
    old: str
    new: str | None  # None: the file does not change

    @property
    def text(self) -> str:
        return self.old if self.new is None else self.new


@dataclass(frozen=True)
class Unawaited:
    """A call to a function that is now async whose coroutine nobody runs."""

    path: Path
    line: int
    callee: str
    # "call", or "key" for a sort key (``sorted(xs, key=f)``): its coroutines never compare.
    use: str = "call"

    def __str__(self) -> str:
        if self.use == "key":
            return f"{self.path}:{self.line}: {self.callee} is now async but is used as a sort key"
        return f"{self.path}:{self.line}: {self.callee}() is now async but this call is not awaited"


def _defs(tree: ast.Module, module: str) -> dict[str, _Function]:
    """Every function and method by qualified name (nested ones too)."""
    out: dict[str, _Function] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, _Function):
                out[f"{prefix}.{node.name}"] = node
                visit(node.body, f"{prefix}.{node.name}")
            elif isinstance(node, ast.ClassDef):
                visit(node.body, f"{prefix}.{node.name}")
            elif isinstance(node, ast.If | ast.Try | ast.With):
                for part in ("body", "orelse", "finalbody"):
                    visit(getattr(node, part, []), prefix)

    visit(tree.body, module)
    return out


def _parse(text: str, path: Path) -> ast.Module | None:
    try:
        return ast.parse(text, filename=str(path))
    except (SyntaxError, ValueError, RecursionError):
        return None


def became_async(files: Iterable[TreeFile], modules: Mapping[Path, str]) -> dict[str, str]:
    """Functions async in the new text and not in the old: qualified name -> short name."""
    found: dict[str, str] = {}
    for file in files:
        if file.new is None:
            continue
        new_tree = _parse(file.new, file.path)
        old_tree = _parse(file.old, file.path)
        if new_tree is None or old_tree is None:
            continue
        old = _defs(old_tree, modules[file.path])
        for qualname, fn in _defs(new_tree, modules[file.path]).items():
            was = old.get(qualname)
            if (
                isinstance(fn, ast.AsyncFunctionDef)
                and not isinstance(was, ast.AsyncFunctionDef)
                and not is_generator(fn)
            ):
                found[qualname] = fn.name
    return found


def check_awaits(files: list[TreeFile], roots: Iterable[Path]) -> list[Unawaited]:
    """Every call to a function that became async whose coroutine is left bare.

    Module names are worked out again from the paths and ``roots``, the way
    Python would import them, not taken from the analysis.
    """
    bases = root_dirs(roots)
    named = {f.path: module_names(f.path, base_of(f.path, bases)) for f in files}
    modules = {path: names[0] for path, names in named.items()}
    aliases = unique_aliases(named.values())
    targets = became_async(files, modules)
    if not targets:
        return []
    names = {q.rsplit(".", 2)[-2] for q in targets} | set(targets.values())
    mention = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names))) + r")\b")
    problems: list[Unawaited] = []
    for file in files:
        if not mention.search(file.text):
            continue
        tree = _parse(file.text, file.path)
        if tree is None:
            continue
        checker = _FileChecker(file, modules[file.path], tree, targets, aliases)
        problems.extend(checker.run())
    return sorted(problems, key=lambda p: (str(p.path), p.line))


class _FileChecker:
    def __init__(
        self,
        file: TreeFile,
        module: str,
        tree: ast.Module,
        targets: Mapping[str, str],
        aliases: Mapping[str, str],
    ) -> None:
        self.file = file
        self.module = module
        self.tree = tree
        self.targets = targets
        self.aliases = aliases
        self.is_package = file.path.name == "__init__.py"
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.imports = self._imports()
        self.defs = _defs(tree, module)
        self._binding_seen: set[ast.AST] = set()
        self._bound: dict[ast.AST, frozenset[str]] = {}

    def run(self) -> Iterator[Unawaited]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.keyword) and node.arg == "key":
                # A key function is called by sorted/min/max/sort and its result compared.
                probe = ast.Call(func=node.value, args=[], keywords=[])
                self.parents[probe] = node
                used = self._callee(probe)
                if used is not None and used in self.targets:
                    yield Unawaited(self.file.path, node.value.lineno, used, use="key")
                continue
            if not isinstance(node, ast.Call):
                continue
            callee = self._callee(node)
            if callee is None or callee not in self.targets:
                continue
            if not self._consumed(node):
                yield Unawaited(self.file.path, node.lineno, callee)

    # -- what a call calls ------------------------------------------------------

    def _imports(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        table[alias.asname] = alias.name
                    else:
                        head = alias.name.split(".")[0]
                        table[head] = head
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = resolve_relative(self.module, self.is_package, node.level, base)
                for alias in node.names:
                    full = f"{base}.{alias.name}" if base else alias.name
                    table[alias.asname or alias.name] = full
        return table

    def _canonical(self, name: str) -> str:
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:cut])
            if module in self.aliases:
                return ".".join([self.aliases[module], *parts[cut:]])
        return name

    def _scopes(self, node: ast.AST) -> Iterator[ast.AST]:
        parent = self.parents.get(node)
        while parent is not None:
            yield parent
            parent = self.parents.get(parent)

    def _qualname_of(self, node: ast.AST) -> str:
        parts = [s.name for s in self._scopes(node) if isinstance(s, _Function | ast.ClassDef)]
        return ".".join([self.module, *reversed(parts)])

    def _callee(self, call: ast.Call) -> str | None:
        chain: list[str] = []
        func: ast.AST = call.func
        while isinstance(func, ast.Attribute):
            chain.append(func.attr)
            func = func.value
        if isinstance(func, ast.Call) and len(chain) == 1:
            # ``Client(...).get()``: a method of the class just made.
            made = self._callee(func)
            return f"{made}.{chain[0]}" if made else None
        if not isinstance(func, ast.Name):
            return None
        chain.append(func.id)
        head, rest = chain[-1], list(reversed(chain[:-1]))
        if head in ("self", "cls") and len(rest) == 1:
            owner = next((s for s in self._scopes(call) if isinstance(s, ast.ClassDef)), None)
            if owner is None:
                return None
            return f"{self._qualname_of(owner)}.{owner.name}.{rest[0]}"
        # A name defined in an enclosing function, then the module, then an import;
        # a local variable of that name is none of them.
        below: list[ast.AST] = [call]
        for scope in self._scopes(call):
            if isinstance(scope, _Function):
                for stmt in scope.body:
                    if isinstance(stmt, _Function) and stmt.name == head:
                        return ".".join([self._qualname_of(stmt), head, *rest])
            if head in self._locals(scope, below[-2:]):
                return None
            below.append(scope)
        if f"{self.module}.{head}" in self.defs or any(
            isinstance(n, ast.ClassDef) and n.name == head for n in self.tree.body
        ):
            return ".".join([self.module, head, *rest])
        if head in self.imports:
            return self._canonical(".".join([self.imports[head], *rest]))
        return None

    def _locals(self, scope: ast.AST, below: list[ast.AST]) -> frozenset[str]:
        """Names ``scope`` binds for the code under it (``below``: the two nodes under it)."""
        if isinstance(scope, _Function | ast.Lambda):
            params = parameters(scope.args)
            if isinstance(scope, ast.Lambda):
                return params
            if scope not in self._bound:
                self._bound[scope] = bound_names(scope.body)
            return self._bound[scope] | params
        if isinstance(scope, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            if below[::-1] == [scope.generators[0], scope.generators[0].iter]:
                return frozenset()  # the first iterable is evaluated outside
            return comprehension_names(scope)
        return frozenset()

    # -- how its result is used -------------------------------------------------

    def _consumed(self, node: ast.AST) -> bool:
        parent = self.parents.get(node)
        if parent is None:
            return False
        if isinstance(parent, ast.Await | ast.Yield | ast.YieldFrom | ast.Lambda):
            return True
        if isinstance(parent, ast.keyword):
            return self._consumed(parent)
        if isinstance(parent, ast.IfExp) and node is not parent.test:
            return self._consumed(parent)  # ``ensure_future(a() if c else b())``
        if isinstance(parent, ast.Call) and node is not parent.func:
            name = _last_name(parent.func)
            return name in CONSUMERS or name in COLLECTORS or "gather" in name
        if isinstance(parent, ast.Starred | ast.List | ast.Tuple | ast.Set | ast.Dict):
            return self._consumed(parent)
        if isinstance(parent, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
            in_element = node in (
                getattr(parent, "elt", None),
                getattr(parent, "key", None),
                getattr(parent, "value", None),
            )
            return in_element and self._consumed(parent)
        if isinstance(parent, ast.withitem):
            return isinstance(self.parents.get(parent), ast.AsyncWith)
        if isinstance(parent, ast.AsyncFor):
            return parent.iter is node
        if isinstance(parent, ast.Return):
            function = next((s for s in self._scopes(parent) if isinstance(s, _Function)), None)
            # A sync function may hand back the coroutine for its caller to await.
            return isinstance(function, ast.FunctionDef)
        if isinstance(parent, ast.Assign | ast.AnnAssign | ast.NamedExpr):
            return self._bound_name_consumed(parent)
        return False

    def _bound_name_consumed(self, binding: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> bool:
        if binding in self._binding_seen:
            return False  # ``x = x``: followed once is enough
        self._binding_seen.add(binding)
        targets = binding.targets if isinstance(binding, ast.Assign) else [binding.target]
        names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        if not names:
            # ``self.pending = fetch()``: kept for later, on purpose.
            return any(isinstance(t, ast.Attribute | ast.Subscript) for t in targets)
        scope = next(
            (s for s in self._scopes(binding) if isinstance(s, _Function | ast.Lambda)), self.tree
        )
        for node in ast.walk(scope):
            if (
                isinstance(node, ast.Name)
                and node.id in names
                and isinstance(node.ctx, ast.Load)
                and self._consumed(node)
            ):
                return True
        return False


def _last_name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _last_name(node.func)
    return ""
