"""The ``__init__`` a dataclass gets, written out for the analysis.

``@dataclass class Project: client: Any = None`` then ``Project(1, "x",
client=self)``: the generated ``__init__`` sets ``self.client`` from what
each caller gives, so ``self.client.get(...)`` in the class calls what the
callers hand in (see typeflow), as it would with ``__init__`` written by hand.
Only a plain ``@dataclass`` (or ``@dataclass(...)`` without ``init=False``)
with no base, no ``__init__`` or ``__post_init__`` of its own, over fields
annotated in its own body, is read; a ``ClassVar`` is no field, nor is a
``field(init=False)``, and ``field(default=...)`` or ``field(default_factory=f)``
gives the parameter's default.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# attrs is left out: its __init__ names a private field without its underscore.
DATACLASSES = frozenset({"dataclasses.dataclass"})


def dataclass_init(
    node: ast.ClassDef, resolve: Callable[[ast.AST], str | None]
) -> ast.FunctionDef | None:
    """``def __init__(self, <fields>): self.<field> = <field> ...`` for ``node``, at its
    place; None when it is not such a dataclass."""
    if not any(_is_dataclass(d, resolve) for d in node.decorator_list):
        return None
    own = {s.name for s in node.body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
    if "__init__" in own or "__post_init__" in own or node.bases:
        return None  # written by hand, run after it (see colour), or with inherited fields
    fields: list[tuple[str, ast.expr | None]] = []
    for stmt in node.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        if "ClassVar" in ast.unparse(stmt.annotation):
            continue
        value = stmt.value
        if isinstance(value, ast.Call) and resolve(value.func) == "dataclasses.field":
            given = {k.arg: k.value for k in value.keywords}
            init = given.get("init")
            if isinstance(init, ast.Constant) and init.value is False:
                continue  # not a parameter
            factory = given.get("default_factory")
            built = ast.copy_location(ast.Call(factory, [], []), factory) if factory else None
            value = given.get("default", built)
        elif isinstance(value, ast.Call):
            return None  # made by something else: what the parameter is, is not read here
        fields.append((stmt.target.id, value))
    if not fields:
        return None
    defaults = [value for _, value in fields if value is not None]
    if len(defaults) != len([v for _, v in fields[len(fields) - len(defaults) :] if v]):
        return None  # a field without a default after one with: not a valid dataclass
    args = ast.arguments(
        posonlyargs=[],
        args=[ast.arg("self"), *(ast.arg(name) for name, _ in fields)],
        kwonlyargs=[],
        kw_defaults=[],
        defaults=defaults,
    )
    body: list[ast.stmt] = [
        ast.Assign(
            targets=[ast.Attribute(ast.Name("self", ast.Load()), name, ast.Store())],
            value=ast.Name(name, ast.Load()),
        )
        for name, _ in fields
    ]
    made = ast.FunctionDef("__init__", args, body, [], None)
    kept = {id(n) for default in defaults for n in ast.walk(default)}
    for sub in ast.walk(made):
        if id(sub) in kept or not isinstance(sub, ast.expr | ast.stmt | ast.arg):
            continue
        # At the class's line: nothing of it is written back (it is not in the file).
        sub.lineno = sub.end_lineno = node.lineno
        sub.col_offset = sub.end_col_offset = node.col_offset
    return made


def _is_dataclass(decorator: ast.expr, resolve: Callable[[ast.AST], str | None]) -> bool:
    call = decorator if isinstance(decorator, ast.Call) else None
    target = resolve(call.func if call else decorator) or ""
    if target not in DATACLASSES and ast.unparse(decorator).split("(")[0] != "dataclass":
        return False
    return call is None or not any(
        k.arg == "init" and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in call.keywords
    )


# What makes a field's value where a class body declares it: dataclasses' and attrs'.
FIELD_MAKERS = frozenset(
    {"dataclasses.field", "attr.ib", "attr.attrib", "attrs.field", "attr.field"}
)


def factory_fields(
    node: ast.ClassDef, resolve: Callable[[ast.AST], str | None]
) -> dict[str, tuple[str, ast.expr]]:
    """Fields whose value a factory makes for each instance (``session: Session =
    field(default_factory=requests.Session)``, attrs' ``factory=``, a lambda
    calling one): by name, what the factory calls (resolved) and the call."""
    found: dict[str, tuple[str, ast.expr]] = {}
    for stmt in node.body:
        target: ast.expr | None = stmt.target if isinstance(stmt, ast.AnnAssign) else None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
        value = stmt.value if isinstance(stmt, ast.AnnAssign | ast.Assign) else None
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Call):
            continue
        if resolve(value.func) not in FIELD_MAKERS:
            continue
        for keyword in value.keywords:
            factory = keyword.value
            if keyword.arg not in ("default_factory", "factory"):
                continue
            if isinstance(factory, ast.Lambda) and isinstance(factory.body, ast.Call):
                factory = factory.body.func
            made = resolve(factory)
            if made:
                found[target.id] = (made, value)
    return found
