"""What a piece of code reads and changes, as access paths (``self.api``, ``params``).

Fan-out decisions rest on this: a fetch may run before the code around it only
when nothing that code changes is something the fetch reads. Paths are dotted
Name/Attribute chains; writing ``self.seen`` does not touch a read of
``self.api.fetch``, but writing ``self`` (or calling an unknown method of it)
touches both. Unknown calls count as changing what they are handed, so the
analysis errs towards keeping code sequential.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterable, Iterator

# Methods that only read their receiver: calling them changes nothing we track.
READ_ONLY_METHODS = frozenset(
    {
        # logging
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "log",
        # str / bytes
        "format",
        "lower",
        "upper",
        "strip",
        "lstrip",
        "rstrip",
        "replace",
        "join",
        "split",
        "rsplit",
        "startswith",
        "endswith",
        "encode",
        "decode",
        "title",
        "casefold",
        "splitlines",
        "partition",
        "rpartition",
        "removeprefix",
        "removesuffix",
        "isdigit",
        "isalnum",
        "isalpha",
        "zfill",
        # mappings and sequences
        "get",
        "items",
        "keys",
        "values",
        "copy",
        "count",
        "index",
        # responses
        "json",
        "raise_for_status",
        "iter_lines",
        "iter_content",
    }
)

# Methods that change their receiver in place (containers, queues, files): a
# method calling one on an attribute of ``self`` changes its instance.
MUTATING_METHODS = frozenset(
    {
        "append",
        "appendleft",
        "extend",
        "extendleft",
        "insert",
        "pop",
        "popleft",
        "popitem",
        "remove",
        "clear",
        "update",
        "add",
        "discard",
        "setdefault",
        "sort",
        "reverse",
        "put",
        "put_nowait",
        "write",
        "writelines",
    }
)

# Builtins and helpers that neither change their arguments nor do I/O.
PURE_FUNCTIONS = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "len",
        "repr",
        "format",
        "abs",
        "round",
        "min",
        "max",
        "sum",
        "sorted",
        "tuple",
        "list",
        "dict",
        "set",
        "frozenset",
        "isinstance",
        "enumerate",
        "zip",
        "range",
        "reversed",
        "print",
        "async_to_sync",
        "sync_to_async",
        "quote",
        "quote_plus",
        "urljoin",
        "urlencode",
        "parse.quote",
        "parse.urljoin",
        "parse.urlencode",
        "urllib.parse.quote",
        "urllib.parse.quote_plus",
        "urllib.parse.urljoin",
        "urllib.parse.urlencode",
    }
)


def path_of(node: ast.AST) -> str | None:
    """``self.api.fetch`` -> "self.api.fetch"; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = path_of(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def walk_local(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` that does not enter nested functions, lambdas or classes."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef
            ):
                continue
            stack.append(child)


def reads(node: ast.AST) -> set[str]:
    """The longest paths ``node`` loads (``self.api.fetch(i)`` -> {"self.api.fetch", "i"})."""
    found: set[str] = set()
    inner: set[int] = set()
    for sub in walk_local(node):
        if id(sub) in inner:
            continue
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            # A method reads its whole receiver: ``s.get(u)`` depends on ``s.headers``.
            receiver = path_of(sub.func.value)
            if receiver is not None:
                found.add(receiver)
                link: ast.expr = sub.func
                while isinstance(link, ast.Attribute):
                    inner.add(id(link))
                    link = link.value
                inner.add(id(link))
            continue
        if isinstance(sub, ast.Attribute | ast.Name) and not isinstance(
            getattr(sub, "ctx", None), ast.Store | ast.Del
        ):
            path = path_of(sub)
            if path is not None:
                found.add(path)
                node_: ast.expr = sub
                while isinstance(node_, ast.Attribute):
                    node_ = node_.value
                    inner.add(id(node_))
    return found


def _targets(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Tuple | ast.List):
        for elt in node.elts:
            yield from _targets(elt)
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)
    elif isinstance(node, ast.Subscript):
        path = path_of(node.value)
        if path:
            yield path
    else:
        path = path_of(node)
        if path:
            yield path


def assigned_names(node: ast.AST) -> Iterator[str]:
    """Paths bound by an assignment-like node itself (targets, ``as`` names)."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from _targets(target)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        yield from _targets(node.target)
    elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
        yield from _targets(node.target)
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        yield from _targets(node.optional_vars)
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    elif isinstance(node, ast.NamedExpr):
        yield from _targets(node.target)
    elif isinstance(node, ast.Delete):
        for target in node.targets:
            yield from _targets(target)
    elif isinstance(node, ast.Global | ast.Nonlocal):
        yield from node.names
    elif isinstance(node, ast.Import | ast.ImportFrom):
        for alias in node.names:
            yield (alias.asname or alias.name).split(".")[0]
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        yield node.name


def writes(
    nodes: Iterable[ast.AST],
    quiet: frozenset[int] = frozenset(),
    outside: Iterable[ast.AST] = (),
) -> dict[str, ast.AST]:
    """Paths the code may change -> the node that changes it (first seen).

    Assignments, ``as`` names and loop targets bind; a method call changes its
    receiver unless the method only reads; a call of a function that is not
    known to be pure may change whatever it is handed. Calls whose ``id`` is in
    ``quiet`` (the fetches themselves) are taken not to change anything, and
    nothing inside the nodes ``outside`` counts.
    """
    found: dict[str, ast.AST] = {}
    skipped = {id(n) for node in outside for n in ast.walk(node)}
    for node in nodes:
        for sub in walk_local(node):
            if id(sub) in skipped:
                continue
            for path in assigned_names(sub):
                found.setdefault(path, sub)
            if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found.setdefault(sub.name, sub)
            if isinstance(sub, ast.Call) and id(sub) not in quiet:
                for path in _changed_by_call(sub):
                    found.setdefault(path, sub)
    return found


def _changed_by_call(call: ast.Call) -> Iterator[str]:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr not in READ_ONLY_METHODS:
        receiver = path_of(func.value)
        if receiver:
            yield receiver
    name = path_of(func)
    if name is not None and (name in PURE_FUNCTIONS or name.rsplit(".", 1)[-1] in PURE_FUNCTIONS):
        return
    if isinstance(func, ast.Attribute) and func.attr in READ_ONLY_METHODS:
        return
    for arg in (*call.args, *(kw.value for kw in call.keywords)):
        value = arg.value if isinstance(arg, ast.Starred) else arg
        path = path_of(value)
        if path:
            yield path


def touches(read: str, written: str) -> bool:
    """Whether changing ``written`` can change what reading ``read`` gives."""
    return read == written or read.startswith(written + ".") or written.startswith(read + ".")


def conflicts(read_paths: Iterable[str], written: Iterable[str]) -> list[tuple[str, str]]:
    """(read, written) pairs that touch, sorted for stable messages."""
    written = list(written)
    return sorted({(r, w) for r in read_paths for w in written if touches(r, w)})


def is_pure(node: ast.AST) -> bool:
    """An expression with no calls but known pure ones, no awaits, no assignment."""
    for sub in walk_local(node):
        if isinstance(sub, ast.Await | ast.Yield | ast.YieldFrom | ast.NamedExpr | ast.Lambda):
            return False
        if isinstance(sub, ast.Call):
            func = sub.func
            name = path_of(func)
            if isinstance(func, ast.Attribute) and func.attr in READ_ONLY_METHODS:
                continue
            if name is None or (
                name not in PURE_FUNCTIONS and name.rsplit(".", 1)[-1] not in PURE_FUNCTIONS
            ):
                return False
    return True


def declared_outside(node: ast.AST) -> set[str]:
    """The names function ``node`` declares ``global`` or ``nonlocal``."""
    return {
        name
        for sub in walk_local(node)
        if isinstance(sub, ast.Global | ast.Nonlocal)
        for name in sub.names
    }


def local_names(node: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names function ``node`` binds itself (parameters, locals), but those it
    declares ``global``."""
    declared = declared_outside(node)
    bound = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
    bound |= {
        sub.id
        for sub in ast.walk(node)
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)
    }
    return bound - declared


def global_names(
    node: ast.FunctionDef | ast.AsyncFunctionDef, variables: Collection[str]
) -> list[str]:
    """The ``variables`` (module globals) function ``node`` reads, not its own."""
    local = local_names(node)
    return [
        sub.id
        for sub in ast.walk(node)
        if isinstance(sub, ast.Name)
        and isinstance(sub.ctx, ast.Load)
        and sub.id in variables
        and sub.id not in local
    ]
