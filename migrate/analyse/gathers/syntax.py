"""Small questions about ``ast`` nodes the fan-out scans share."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from copy import deepcopy

from .. import dataflow
from ..model import Span
from ..pools import pool_size, pool_workers
from ..shapes import mapped_lambda


def names_only(target: ast.AST) -> bool:
    if isinstance(target, ast.Name):
        return True
    if isinstance(target, ast.Tuple | ast.List):
        return all(names_only(e) for e in target.elts)
    return False


def strip_await(node: ast.AST) -> ast.AST:
    return node.value if isinstance(node, ast.Await) else node


def within(node: ast.AST, container: ast.AST) -> bool:
    return any(sub is node for sub in ast.walk(container))


def same_loop(stmt: ast.stmt) -> Iterator[ast.AST]:
    """Nodes of ``stmt`` whose break/continue belong to the enclosing loop."""
    stack: list[ast.AST] = [stmt]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, ast.For | ast.AsyncFor | ast.While):
            # A nested loop's else clause still belongs to us; its body does not
            # (nor does the body of ``stmt`` when it is a loop itself).
            stack.extend(current.orelse)
        elif not isinstance(
            current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef
        ):
            stack.extend(ast.iter_child_nodes(current))


def _assignment_of(stmts: list[ast.stmt], name: str) -> ast.stmt | None:
    for stmt in stmts:
        if name in set(dataflow.assigned_names(stmt)):
            return stmt
    return None


SEQUENCE_CALLS = frozenset({"list", "tuple", "sorted", "set", "range", "dict", "frozenset"})
ITERATOR_CALLS = frozenset({"map", "filter", "iter", "zip", "reversed", "enumerate", "open"})


def reiterable(node: ast.expr, function: ast.AST, module: ast.Module | None = None) -> bool:
    """Whether evaluating ``node`` twice gives the same items (a list, not a generator)."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict | ast.Constant):
        return True
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp):
        return False  # would run twice
    if isinstance(node, ast.Attribute | ast.Subscript):
        return dataflow.is_pure(node)
    if isinstance(node, ast.Call):
        func = dataflow.path_of(node.func)
        if func in SEQUENCE_CALLS and all(
            reiterable(a, function) or isinstance(a, ast.Name) for a in node.args
        ):
            return func != "range" or all(dataflow.is_pure(a) for a in node.args)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("items", "keys", "values"):
            return isinstance(node.func.value, ast.Name | ast.Attribute)
        return False
    if isinstance(node, ast.Name):
        # A parameter annotated as a collection, or a local bound to one.
        for sub in ast.walk(function):
            if isinstance(sub, ast.arg) and sub.arg == node.id:
                return _collection_annotation(sub.annotation)
        values = [
            s.value
            for s in ast.walk(function)
            if isinstance(s, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
        ]
        if not values and module is not None:
            values = [
                s.value
                for s in module.body
                if isinstance(s, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
            ]
        return bool(values) and all(
            isinstance(
                v,
                ast.List
                | ast.Tuple
                | ast.Set
                | ast.Dict
                | ast.ListComp
                | ast.SetComp
                | ast.DictComp,
            )
            or (
                isinstance(v, ast.Call)
                and (
                    dataflow.path_of(v.func) in SEQUENCE_CALLS
                    or (isinstance(v.func, ast.Attribute) and v.func.attr in ("json", "split"))
                )
            )
            or isinstance(v, ast.Subscript)
            for v in values
        )
    return False


def _collection_annotation(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = dataflow.path_of(base) or ""
    return name.rsplit(".", 1)[-1] in (
        "list",
        "List",
        "tuple",
        "Tuple",
        "set",
        "Set",
        "frozenset",
        "dict",
        "Dict",
        "Sequence",
        "Collection",
        "Mapping",
        "range",
    )


def literal_size(node: ast.expr, function: ast.AST, module: ast.Module | None = None) -> int | None:
    """How many items ``node`` has when the source says (a literal, a constant range)."""
    if isinstance(node, ast.Name):
        # A name bound once, in the function or at module level, to a literal.
        for scope in (function, module):
            if scope is None:
                continue
            bound = [
                s.value
                for s in ast.walk(scope)
                if isinstance(s, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
            ]
            if bound:
                return literal_size(bound[0], function) if len(bound) == 1 else None
        return None
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return None
        return len(node.elts)
    if isinstance(node, ast.Call) and dataflow.path_of(node.func) == "range" and node.args:
        bounds = node.args
        if all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in bounds):
            numbers: list[int] = [a.value for a in bounds]  # type: ignore[attr-defined]
            return len(range(*numbers))
    return None


def pool_names(function: ast.AST) -> set[str]:
    """Names bound to a thread pool in ``function``: ``with ThreadPoolExecutor(...) as
    pool`` or ``pool = ThreadPoolExecutor(...)``."""
    found = set()
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.With):
            bound = [(i.optional_vars, i.context_expr) for i in node.items]
        elif isinstance(node, ast.Assign):
            bound = [(t, node.value) for t in node.targets]
        else:
            continue
        for name, made in bound:
            if (
                isinstance(name, ast.Name)
                and isinstance(made, ast.Call)
                and (dataflow.path_of(made.func) or "").endswith("ThreadPoolExecutor")
            ):
                found.add(name.id)
    return found


def unmapped(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module | None = None
) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """``function`` with ``list(map(lambda x: f(x), xs))`` read as ``list(f(x) for x in xs)``.

    A copy, and only when there is such a map (builtin, or a thread pool's):
    positions are those of the source, the generator standing where the map was
    (marked ``_migrate_map``), so the scans treat it as any generator handed to
    ``list``. A thread pool's map is marked with the pool's ``max_workers`` too
    (``_migrate_workers``, when the source gives it); a pool of one thread keeps
    its calls (see :func:`migrate.analyse.pools.one_at_a_time`).
    """
    pools = {name: pool_workers(ast.Name(name), function, module) for name in pool_names(function)}
    sizes = {name: pool_size(ast.Name(name), function, module) for name in pools}

    def is_map(call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Name):
            return func.id == "map"
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "map"
            and isinstance(func.value, ast.Name)
            and func.value.id in pools
            and pools[func.value.id] != 1
        )

    def consumers(root: ast.AST) -> list[ast.Call]:
        return [
            n
            for n in dataflow.walk_local(root)
            if isinstance(n, ast.Call) and mapped_lambda(n, is_map) is not None
        ]

    if not consumers(function):
        return function
    copy = deepcopy(function)
    for consumer in consumers(copy):
        found = mapped_lambda(consumer, is_map)
        assert found is not None
        call, lam = found
        param = lam.args.args[0]
        target = ast.copy_location(ast.Name(param.arg, ast.Store()), param)
        generator = ast.GeneratorExp(
            elt=lam.body,
            generators=[ast.comprehension(target=target, iter=call.args[1], ifs=[], is_async=0)],
        )
        ast.copy_location(generator, call)
        generator._migrate_map = True  # type: ignore[attr-defined]
        if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
            # Its calls ran together in the legacy code, in no order (see comprehensions).
            generator._migrate_threads = True  # type: ignore[attr-defined]
            generator._migrate_workers = pools.get(call.func.value.id)  # type: ignore[attr-defined]
            generator._migrate_pool_size = sizes.get(call.func.value.id, "")  # type: ignore[attr-defined]
        consumer.args[0] = generator
    return copy


# What computing a fetch's arguments (names, subscripts, f-strings) could raise.
LOOKUP_ERRORS = frozenset(
    {
        "BaseException",
        "Exception",
        "LookupError",
        "KeyError",
        "IndexError",
        "AttributeError",
        "NameError",
        "TypeError",
        "ValueError",
    }
)


def broad_catch(handler: ast.Try) -> str:
    """The first class the ``try`` catches that plain expressions could raise ("" if none)."""
    for clause in handler.handlers:
        if clause.type is None:
            return "everything"
        caught = clause.type.elts if isinstance(clause.type, ast.Tuple) else [clause.type]
        for kind in caught:
            name = (dataflow.path_of(kind) or "").rsplit(".", 1)[-1]
            if name in LOOKUP_ERRORS:
                return name
    return ""


def unnamed_catch(handler: ast.Try, changed: dict[str, ast.AST]) -> str:
    """Why the classes the ``try`` catches can't be named before the loop whose body
    is ``handler`` (and changes ``changed``), for its gather to go on past them."""
    for clause in handler.handlers:
        if clause.type is None:
            continue
        kinds = clause.type.elts if isinstance(clause.type, ast.Tuple) else [clause.type]
        for kind in kinds:
            if dataflow.path_of(kind) is None:
                return f"the try catches {ast.unparse(kind)}, which the gather cannot name"
        if dataflow.conflicts(dataflow.reads(clause.type), changed):
            return f"the try catches {ast.unparse(clause.type)}, which the loop sets"
    return ""


def collector(
    loop: ast.For, statement: ast.stmt, fetch: ast.Call, value: str, drop: tuple[Span, ...]
) -> str:
    """``out`` when, the fetch aside, the loop only does ``out.append(result)``."""
    rest = [s for s in loop.body if s is not statement] if drop else list(loop.body)
    if loop.orelse or len(rest) != 1 or not isinstance(rest[0], ast.Expr):
        return ""
    call = rest[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "append"
        and isinstance(call.func.value, ast.Name)
        and len(call.args) == 1
        and not call.keywords
        and call.func.value.id not in set(dataflow._targets(loop.target))
    ):
        return ""
    appended = strip_await(call.args[0])
    if appended is fetch or (isinstance(appended, ast.Name) and drop and appended.id == value):
        return call.func.value.id
    return ""
