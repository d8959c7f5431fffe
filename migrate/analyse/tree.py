"""One walk of a module's tree for the questions asked about each definition.

Collecting names asks, for every class and function, which assignments,
returns and yields are inside it. Walking each definition once per question
walks the tree several times over (and a nested definition again for each
definition around it), which is most of what a deep-analysed file costs.
:class:`TreeIndex` walks the tree once, breadth first like ``ast.walk``,
and answers from the lists it kept, in the order ``ast.walk`` gives.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Collection, Iterator
from typing import TypeVar

from .model import Function, Span

# The nodes asked for, and the definitions they are asked about.
_KEPT = (
    ast.Import,
    ast.ImportFrom,
    ast.ClassDef,
    ast.Assign,
    ast.AnnAssign,
    ast.With,
    ast.AsyncWith,
    ast.For,
    ast.AsyncFor,
    ast.Return,
    ast.Yield,
    ast.YieldFrom,
)
_OWNERS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
# A yield belongs to the innermost of these around it.
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)

N = TypeVar("N", bound=ast.AST)

# Fields whose nodes no pass looks at: Load/Store and operators.
_MARKERS = frozenset({"ctx", "op", "ops"})
_FIELDS: dict[type, tuple[str, ...]] = {}


def child_fields(cls: type[ast.AST]) -> tuple[str, ...]:
    """The fields of ``cls`` that may hold nodes worth visiting (``ast.iter_fields``
    without ``ctx``, ``op`` and ``ops``: a third of all nodes, and never of interest)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(f for f in cls._fields if f not in _MARKERS)
    return fields


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """``ast.iter_child_nodes`` without those nodes, as a list (a generator costs more)."""
    found: list[ast.AST] = []
    for name in child_fields(type(node)):
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


class TreeIndex:
    """The kept nodes inside each module, class and function of one tree."""

    def __init__(self, tree: ast.Module) -> None:
        self.module = tree
        self._inside: dict[ast.AST, list[ast.AST]] = {}
        self._yielding: set[ast.AST] = set()
        # Every attribute name the module reads or sets: a pass looking for one
        # (``.prepare_request``) skips the modules that have none.
        self.attributes: set[str] = set()
        todo: deque[tuple[ast.AST, tuple[list[ast.AST], ...], ast.AST | None]]
        todo = deque([(tree, (), None)])
        while todo:
            node, owners, scope = todo.popleft()
            if isinstance(node, _OWNERS):
                own: list[ast.AST] = []
                self._inside[node] = own
                owners = (*owners, own)
            if isinstance(node, ast.Attribute):
                self.attributes.add(node.attr)
            elif isinstance(node, _KEPT):
                for found in owners:
                    found.append(node)
                if isinstance(node, ast.Yield | ast.YieldFrom) and scope is not None:
                    self._yielding.add(scope)
            inner = node if isinstance(node, _SCOPES) else scope
            for name in child_fields(type(node)):
                value = getattr(node, name, None)
                for child in value if isinstance(value, list) else (value,):
                    if isinstance(child, ast.AST):
                        todo.append((child, owners, inner))

    def inside(self, node: ast.AST, kind: type[N] | tuple[type[N], ...]) -> list[N]:
        """The ``kind`` nodes ``ast.walk(node)`` gives, in its order."""
        found = self._inside.get(node)
        if found is None:
            return [n for n in ast.walk(node) if isinstance(n, kind)]
        return [n for n in found if isinstance(n, kind)]

    def yields(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        """Whether the function itself yields (not a function, lambda or class inside it)."""
        return node in self._yielding

    def holds_across_yield(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        """Whether a yield of the generator stands inside a ``with`` or ``try``: closing
        it early (``GeneratorExit`` at that yield) runs their exits."""
        if node not in self._yielding:
            return False
        yields = [span_of(y) for y in self.inside(node, (ast.Yield, ast.YieldFrom))]
        for block in ast.walk(node):  # only generators: with and try are not indexed
            if not isinstance(block, ast.With | ast.AsyncWith | ast.Try):
                continue
            body = [span_of(stmt) for stmt in block.body]
            if any(outer.contains(y) for outer in body for y in yields):
                return True
        return False


def span_of(node: ast.AST) -> Span:
    """Where ``node`` is."""
    return Span(
        getattr(node, "lineno", 0),
        getattr(node, "col_offset", 0),
        getattr(node, "end_lineno", 0) or 0,
        getattr(node, "end_col_offset", 0) or 0,
    )


def function_in(tree: ast.Module, fn: Function) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """``fn``'s node in its module's ``tree``."""
    functions = getattr(tree, "_migrate_functions", None)
    if functions is None:
        # Indexed once per tree: a walk per function is quadratic in a file of thousands.
        functions = tree._migrate_functions = {  # type: ignore[attr-defined]
            (n.lineno, n.col_offset): n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        }
    found: ast.FunctionDef | ast.AsyncFunctionDef | None = functions.get(
        (fn.span.line, fn.span.col)
    )
    return found


def dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None for anything that isn't a name chain."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def chain_root(node: ast.AST) -> ast.AST:
    """What an attribute chain starts from: ``a`` in ``a.b.c``, ``f()`` in ``f().b.c``."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """Absolute name of ``from <dots><target> import``."""
    package = module if is_package else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    if target:
        return f"{package}.{target}" if package else target
    return package


def expr_text(node: ast.AST) -> str:
    """The expression as a short dotted text, for messages and matching."""
    parts = dotted(node)
    if parts is not None:
        return ".".join(parts)
    if isinstance(node, ast.Call):
        return expr_text(node.func) + "()"
    if isinstance(node, ast.Attribute):
        return expr_text(node.value) + "." + node.attr
    return type(node).__name__.lower()


def short_name(qualname: str) -> str:
    """``pkg.mod.fn`` as ``mod.fn``, for messages."""
    parts = qualname.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 else qualname


def _is_super(node: ast.expr) -> bool:
    """``super()`` or ``super(Cls, self)``."""
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"
    )


def self_method(func: ast.expr) -> bool:
    """``self.name`` (a method called through ``self``)."""
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
    )


def _self_attr(node: ast.expr) -> str | None:
    """``x`` for ``self.x`` / ``cls.x``."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("self", "cls")
    ):
        return node.attr
    return None


def changed_self_attr(node: ast.expr) -> str | None:
    """``x`` when assigning or deleting ``node`` changes ``self.x`` (``self.x``,
    ``self.x[k]``, ``self.x.y``)."""
    top = None
    while isinstance(node, ast.Attribute | ast.Subscript):
        top = _self_attr(node) or top
        node = node.value
    return top


def stop_guarded_calls(node: ast.Try | ast.TryStar) -> Iterator[tuple[ast.Call, Span]]:
    """The calls in a ``try`` body an ``except StopIteration`` catches the end of
    an iterator for (``next(pages)``, ``pages.next()``), with that handler's type."""
    for handler in node.handlers:
        if isinstance(handler.type, ast.Name) and handler.type.id == "StopIteration":
            for stmt in node.body:
                for inner in ast.walk(stmt):
                    if isinstance(inner, ast.Call):
                        yield inner, span_of(handler.type)


def is_next(call: ast.Call) -> bool:
    """``next(it)`` or ``next(it, default)``."""
    return isinstance(call.func, ast.Name) and call.func.id == "next" and bool(call.args)


def counted_attr(node: ast.AugAssign) -> str | None:
    """``x`` for ``self.x += 1`` or ``self.x["sent"] -= n``, a number added to or taken
    from an attribute of ``self`` (or a constant key of one): a count."""
    target: ast.expr = node.target
    if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant):
        target = target.value
    value = node.value
    number = isinstance(value, ast.Constant) and type(value.value) in (int, float)
    # ``len(...)`` is a number too (a string's or a list's ``+=`` keeps an order).
    sized = (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "len"
    )
    counts = isinstance(node.op, ast.Add | ast.Sub) and (number or sized)
    return _self_attr(target) if counts else None


def note_self_change(fn: Function, target: ast.expr) -> None:
    """Record that ``fn`` changes its receiver when ``target`` is (part of) ``self.x``."""
    attr = changed_self_attr(target)
    if attr is not None and attr not in fn.self_writes:
        fn.self_writes += (attr,)


def note_global_change(
    fn: Function, bound: Collection[str], top_level: frozenset[str], *targets: ast.expr
) -> None:
    """Record that ``fn`` changes a module global (or an enclosing function's name) in
    place when a target is (part of) one (``_users[uid] = v``, ``del CACHE[k]``,
    ``SEEN.append(x)``'s receiver), not a name the function binds itself (``bound``:
    its locals and parameters)."""
    if fn.name == "<module>":
        return
    for target in targets:
        root = target
        while isinstance(root, ast.Attribute | ast.Subscript):
            root = root.value
        if root is target or not isinstance(root, ast.Name):
            continue  # rebinding a name: a local, unless declared global
        name = root.id
        # A module's, or a closure's: a nested function's free variable (a memo
        # decorator's ``cache``), which outlives the call as a global does.
        if name not in bound and (name in top_level or fn.parent is not None):
            if name not in fn.global_writes:
                fn.global_writes += (name,)


def note_param_change(fn: Function, params: Collection[str], *targets: ast.expr) -> None:
    """Record that ``fn`` changes what a parameter holds when a target is (part of)
    one (``seen.add(x)``'s receiver, ``memo[k] = v``): its caller's object."""
    for target in targets:
        root = target
        while isinstance(root, ast.Attribute | ast.Subscript):
            root = root.value
        if root is target or not isinstance(root, ast.Name) or root.id in ("self", "cls"):
            continue
        if root.id in params and root.id not in fn.param_writes:
            fn.param_writes += (root.id,)


def class_body_names(node: ast.ClassDef) -> tuple[str, ...]:
    """The names a class body assigns a value (``auth = None``)."""
    return tuple(
        target.id
        for stmt in node.body
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None
        for target in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target])
        if isinstance(target, ast.Name)
    )


def fallback_imports(tries: list[ast.Try]) -> set[ast.AST]:
    """The imports in ``except ImportError:`` handlers (``import urllib2 as urllib``
    after ``import urllib.request as urllib``): what runs only where the ``try`` body's
    import fails (an older Python, a backport not installed)."""
    found: set[ast.AST] = set()
    for node in tries:
        for handler in node.handlers:
            caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            if any(dotted(c) in (["ImportError"], ["ModuleNotFoundError"]) for c in caught if c):
                found.update(
                    n for n in ast.walk(handler) if isinstance(n, ast.Import | ast.ImportFrom)
                )
    return found


def method_aliases(node: ast.ClassDef) -> dict[str, str]:
    """``do_GET = do_POST = _handle`` in a class body: each alias -> the method it names."""
    methods = {
        stmt.name for stmt in node.body if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    return {
        target.id: stmt.value.id
        for stmt in node.body
        if isinstance(stmt, ast.Assign)
        and isinstance(stmt.value, ast.Name)
        and stmt.value.id in methods
        for target in stmt.targets
        if isinstance(target, ast.Name)
    }


def assigned_values(node: ast.AST, name: str) -> list[ast.expr]:
    """What every ``name = ...`` inside ``node`` assigns (a plain name target)."""
    return [
        sub.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in sub.targets)
    ]


def iter_of_one(node: ast.expr) -> bool:
    """``iter(x)``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "iter"
        and len(node.args) == 1
        and not node.keywords
    )


# A string's ``join`` (``", ".join(pages)``), which takes every item it is given.
STR_JOIN = "builtins.str.join"
# Builtins that take an iterable's items: what ``__next__`` gives (see generators).
ITEM_CONSUMERS = frozenset(
    {
        "builtins.next",
        "builtins.list",
        "builtins.set",
        "builtins.tuple",
        "builtins.sorted",
        "builtins.min",
        "builtins.max",
        STR_JOIN,
    }
)


def joins(func: ast.expr) -> bool:
    """Whether ``func`` is ``", ".join``, a literal string's ``join``."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and isinstance(func.value.value, str)
    )


def is_none(node: ast.expr) -> bool:
    """``None`` as written."""
    return isinstance(node, ast.Constant) and node.value is None


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def module_definitions(body: list[ast.stmt]) -> Iterator[Definition]:
    """The functions and classes a module defines, also in the branches of an
    ``if`` or a ``try`` at its top level (``if fast: def fetch(): ...``)."""
    for stmt in body:
        if isinstance(stmt, Definition):
            yield stmt
        elif isinstance(stmt, ast.If):
            yield from module_definitions([*stmt.body, *stmt.orelse])
        elif isinstance(stmt, ast.Try | ast.TryStar):
            handled = [s for handler in stmt.handlers for s in handler.body]
            yield from module_definitions([*stmt.body, *handled, *stmt.orelse, *stmt.finalbody])


def one_type(types: set[str]) -> str | None:
    """The one type of a container's items, when every one of them is known
    (``""`` stands for one that is not)."""
    return next(iter(types)) if len(types) == 1 and "" not in types else None


def block_lists(node: ast.AST) -> Iterator[list[ast.stmt]]:
    """Every block of statements in ``node`` (bodies, ``else`` and ``finally`` blocks)."""
    for child in ast.walk(node):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(child, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block
