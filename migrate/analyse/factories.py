"""Sessions a factory function makes, held where the factory's caller keeps them.

``def make_session(): s = requests.Session(); ...; return s`` is a session
factory (see :meth:`~migrate.analyse.names.NameResolver._returned_type`). What
a call of it gives, kept in a local (``s = make_session()``) or a module
global (``SESSION = make_session()``), is typed ``<module>.make_session()``:
the graph knows it is a session (see ``graph.held_factory_sessions``), so the
calls made through it are seen, never left as a silent no-op.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from .catalogue import HTTP_VERBS
from .model import RETURNS_SUFFIX, Call, Function, ModuleFacts
from .tree import TreeIndex, dotted, expr_text


def session_factories(facts: ModuleFacts) -> set[str]:
    """The top-level functions of the module that make the session they return."""
    return {f"{facts.module}.{name}" for name in facts.session_returns if "." not in name}


def what_made(
    tree: TreeIndex,
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    type_of_call: Callable[[ast.Call], str | None],
    items_of: Callable[[ast.expr], str | None] = lambda _: None,
) -> dict[str, set[str | None]]:
    """What each local and attribute ``node`` assigns was made by, on any path (None: not
    a call of a known type), each name a ``with`` block binds, and each loop target
    (``items_of``: the generator whose items it holds)."""
    made_by: dict[str, set[str | None]] = {}
    loops: list[ast.For | ast.AsyncFor] = tree.inside(node, (ast.For, ast.AsyncFor))
    for loop in loops:
        if isinstance(loop.target, ast.Name):
            made_by.setdefault(loop.target.id, set()).add(items_of(loop.iter))
    for assign in tree.inside(node, ast.Assign):
        value = assign.value
        typ = type_of_call(value) if isinstance(value, ast.Call) else None
        for target in assign.targets:
            if isinstance(target, ast.Name | ast.Attribute) and dotted(target):
                made_by.setdefault(expr_text(target), set()).add(typ)
    # ``with Client(...) as c: yield c``: ``__enter__`` gives the instance, by
    # convention (what a fixture that closes its client after the test does).
    blocks: list[ast.With | ast.AsyncWith] = tree.inside(node, (ast.With, ast.AsyncWith))
    for block in blocks:
        for item in block.items:
            entered, alias = item.context_expr, item.optional_vars
            if isinstance(entered, ast.Call) and isinstance(alias, ast.Name):
                made_by.setdefault(alias.id, set()).add(type_of_call(entered))
    return made_by


def local_method(call: ast.Call, made_by: dict[str, set[str | None]]) -> str | None:
    """``jenkins = Jenkins(url)`` ... ``return jenkins.get_nodes()``: what ``get_nodes``
    gives, known once the graph is."""
    parts = dotted(call.func)
    if not parts or len(parts) != 2:
        return None
    made = made_by.get(parts[0], set())
    typ = next(iter(made)) if len(made) == 1 else None
    return f"{typ}.{parts[1]}{RETURNS_SUFFIX}" if typ else None


def type_factory_globals(
    tree: ast.Module, facts: ModuleFacts, type_of_call: Callable[[ast.Call], str | None]
) -> None:
    """``SESSION = make_session()`` at the top level: the global holds what the factory
    gives, a session when it is one (here, or imported: the graph decides)."""
    factories = session_factories(facts)
    for stmt in tree.body:
        value = getattr(stmt, "value", None)
        targets = getattr(stmt, "targets", None) or [getattr(stmt, "target", None)]
        if isinstance(value, ast.Call) and isinstance(targets[0], ast.Name):
            typ = type_of_call(value) or ""
            # A function imported by name (or reached through its module: sessions.make()):
            # the graph knows whether it makes a session.
            by_name = isinstance(value.func, ast.Name | ast.Attribute)
            imported = by_name and typ.endswith(RETURNS_SUFFIX)
            if typ.removesuffix(RETURNS_SUFFIX) in factories or imported:
                facts.typed_names[targets[0].id] = typ


# What a session's method sends (or ends): a factory calling one does more than
# make the session, and stays on requests.
SENDS = frozenset({*HTTP_VERBS, "request", "send", "close"})
SESSION_MAKERS = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})


@dataclass(frozen=True)
class Held:
    """Where a call of a session factory keeps what it gives (see :func:`held_where`)."""

    function: Function  # the function (or module code) making the call
    call: Call
    # "global" (``SESSION = f()``), "attr" (``self.s = f()`` in a method), "local"
    # (``s = f()``), "with" (``with f() as s``), "fixture" (a pytest fixture's
    # ``return f()``), "annotated" (``s: requests.Session = f()``: not carried) or
    # "in place" (``f().get(url)``, handed on...).
    kind: str
    name: str  # what it is kept in, as written (``SESSION``, ``self.session``, ``s``)


def factory_shape(node: ast.FunctionDef, made_lines: set[int], file: str) -> str | None:
    """Why ``node`` does more than make the session it returns and configure it
    (None: it does only that). ``made_lines``: where it calls ``requests.Session()``.

    Its body may bind values the configuration reads (``retry = Retry(...)``),
    make the session, set it up (``s.auth = ...``, ``s.headers.update(...)``,
    ``s.mount(...)``) and end by returning it: the rewrite makes the client with
    that configuration (see rewrite/rules/http_setup.py)."""
    body = node.body[1:] if ast.get_docstring(node) is not None else node.body
    made: str | None = None
    for index, stmt in enumerate(body):
        last = index == len(body) - 1
        if made is not None and last and _yielded(stmt, made) and _context_manager(node):
            return None  # ``yield s``, closed after: see rules/http_setup.py
        if isinstance(stmt, ast.Return):
            value = stmt.value
            if made is None and isinstance(value, ast.Call) and value.lineno in made_lines:
                return None if last else f"returns before its end ({file}:{stmt.lineno})"
            if isinstance(value, ast.Name) and value.id == made and last:
                return None
            return f"returns something other than the session it makes ({file}:{stmt.lineno})"
        target = _assigned_name(stmt)
        if made is None and target and getattr(stmt, "value", None) is not None:
            value = stmt.value  # type: ignore[attr-defined]
            if isinstance(value, ast.Call) and value.lineno in made_lines:
                made = target
                continue
        if target and made not in _names(stmt):
            continue  # a value the configuration reads
        if made is not None and _configures(stmt, made):
            continue
        sends = made is not None and _sends(stmt, made)
        what = "sends a request" if sends else "does more than make and configure it"
        return f"{what} ({file}:{stmt.lineno})"
    return "never returns the session it makes"


def _context_manager(node: ast.FunctionDef) -> bool:
    return any(ast.unparse(d).rpartition(".")[2] == "contextmanager" for d in node.decorator_list)


def _yielded(stmt: ast.stmt, made: str) -> bool:
    """``try: yield s`` ``finally: s.close()``: closing it, the context manager becomes
    async with the client (one that only yields it would stay sync, and its ``with``
    could not enter it)."""
    if not isinstance(stmt, ast.Try) or stmt.handlers or stmt.orelse or len(stmt.body) != 1:
        return False
    closes = [ast.unparse(s) for s in stmt.finalbody] == [f"{made}.close()"]
    value = stmt.body[0].value if isinstance(stmt.body[0], ast.Expr) else None
    return closes and isinstance(value, ast.Yield) and ast.unparse(stmt.body[0]) == f"yield {made}"


def made_name(node: ast.FunctionDef, made_lines: set[int]) -> str | None:
    """The name ``node`` keeps the session it makes in (``s = requests.Session()``)."""
    for stmt in node.body:
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.Call) and value.lineno in made_lines:
            return _assigned_name(stmt)
    return None


def _assigned_name(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        return stmt.target.id
    return None


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _root(node: ast.expr) -> tuple[str | None, str | None]:
    """``s.headers.update(...)`` -> ("s", "headers"): the name and its first attribute."""
    first = None
    while isinstance(node, ast.Call | ast.Attribute | ast.Subscript):
        if isinstance(node, ast.Attribute):
            first = node.attr
        node = node.func if isinstance(node, ast.Call) else node.value
    return (node.id if isinstance(node, ast.Name) else None), first


def _configures(stmt: ast.stmt, made: str) -> bool:
    """``s.auth = ...``, ``s.headers["X"] = ...``, ``s.mount(...)``: sets ``made`` up."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        name, first = _root(stmt.value)
        return name == made and first not in SENDS
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        return _root(stmt.targets[0])[0] == made and made not in _names(stmt.value)
    if isinstance(stmt, ast.AugAssign):
        return _root(stmt.target)[0] == made and made not in _names(stmt.value)
    return False


def _sends(stmt: ast.stmt, made: str) -> bool:
    return any(
        isinstance(node, ast.Call) and _root(node)[0] == made and _root(node)[1] in SENDS
        for node in ast.walk(stmt)
    )


def held_where(tree: ast.Module, fn: Function, call: Call) -> str | None:
    """How the call of a session factory at ``call.span`` keeps what it gives (see
    :class:`Held`), or None: handed on, returned, used in place."""
    fixture = any(d.text.split("(")[0].endswith("fixture") for d in fn.decorators)
    for stmt in ast.walk(tree):
        if fixture and isinstance(stmt, ast.Return | ast.Yield) and stmt.value is not None:
            if _at(stmt.value, call):
                return "fixture"  # what a pytest fixture gives the tests asking for it
        if isinstance(stmt, ast.With | ast.AsyncWith):
            for item in stmt.items:
                if _at(item.context_expr, call) and isinstance(item.optional_vars, ast.Name):
                    return "with"
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None and _at(stmt.value, call):
            return "annotated"  # its annotation names what the factory made before
        if not isinstance(stmt, ast.Assign) or not _at(stmt.value, call):
            continue
        if len(stmt.targets) != 1:
            return None
        target = stmt.targets[0]
        if isinstance(target, ast.Name):
            return "global" if fn.name == "<module>" else "local"
        if (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
            and fn.class_qualname is not None
        ):
            return "attr"
        return None
    return None


def _at(node: ast.expr, call: Call) -> bool:
    return (
        isinstance(node, ast.Call)
        and (node.lineno, node.col_offset) == (call.span.line, call.span.col)
        and (node.end_lineno, node.end_col_offset) == (call.span.end_line, call.span.end_col)
    )


def configured_where_kept(tree: ast.Module, name: str) -> int | None:
    """The line of a statement that sets up the session kept in ``name`` (``SESSION``,
    ``self.session``) after the factory made it: ``self.session.headers[...] = ...``,
    ``SESSION.mount(...)``. A client per event loop is made by the factory alone,
    so such a line would reach no client (None: there is none)."""
    prefix = name + "."
    for node in ast.walk(tree):
        written: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            written = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            written = [node.target]
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = ast.unparse(node.value.func)
            method = func.removeprefix(prefix).split(".")[0]
            if func.startswith(prefix) and method not in SENDS:
                return node.lineno
        for target in written:
            if ast.unparse(target).startswith(prefix):
                return target.lineno
    return None
