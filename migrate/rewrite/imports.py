"""Import bookkeeping that keeps the file's own layout.

New imports go where a careful human would put them: into an existing
``from module import ...`` when there is one, else next to the imports of
the same kind (standard library, third party, local), in alphabetical
order. An import that nothing uses any more is removed, and the blank lines
that separated it move to the next statement so the groups stay apart.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence, Set
from functools import partial

import libcst as cst
import libcst.matchers as m

from .helpers import name_order
from .import_fallbacks import without_unused_fallbacks

STDLIB = frozenset(sys.stdlib_module_names)

Needed = tuple[str, str | None, str | None]  # (module, object, alias)
# Modules whose names a file may import from another that has them alike: a test
# importing ``MagicMock`` from the ``mock`` backport needs no second import of it.
SAME_API = {"unittest.mock": ("mock",)}
# ruff's and black's default: a longer import the rewrite extends is laid out one name a line.
LINE_LENGTH = 88


def _module_name(node: cst.BaseExpression | None) -> str:
    if node is None:
        return ""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_module_name(node.value)}.{node.attr.value}"
    return ""


def _from_module(small: cst.ImportFrom) -> str:
    """``from ..pkg import x`` -> "..pkg"."""
    dots = "".join(getattr(d, "value", ".") for d in small.relative)
    return dots + _module_name(small.module)


def _group(module: str, first_party: frozenset[str] = frozenset()) -> int:
    """isort's sections: future, standard library, third party, first party, local."""
    if module.startswith("."):
        return 4
    top = module.split(".")[0]
    if top == "__future__":
        return 0
    if top in STDLIB:
        return 1
    return 3 if top in first_party else 2


# Sort keys within a section: plain imports first, then from-imports; a
# relative import from further up first (isort's and ruff's defaults).
Key = tuple[int, int, str]


def _key(module: str, plain: bool) -> Key:
    dots = len(module) - len(module.lstrip("."))
    return (0 if plain else 1, -dots, module.lstrip(".").lower())


def _import_info(
    stmt: cst.BaseStatement, first_party: frozenset[str] = frozenset()
) -> tuple[int, Key] | None:
    """(group, sort key) of a top-level import statement, None for anything else."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Import):
        name = _module_name(small.names[0].name)
        return _group(name, first_party), _key(name, plain=True)
    if isinstance(small, cst.ImportFrom):
        name = _from_module(small)
        return _group(name, first_party), _key(name, plain=False)
    return None


def add_imports(
    module: cst.Module, needed: set[Needed], first_party: frozenset[str] = frozenset()
) -> cst.Module:
    """Add the imports ``needed`` that are missing, where isort would put them.

    ``first_party`` names the project's own top-level packages (their imports
    form a section of their own); a module starting with dots is relative.
    """
    body: list[cst.BaseStatement] = list(module.body)
    for mod, obj, alias in sorted(needed, key=lambda n: (n[0], n[1] or "", n[2] or "")):
        if _present(body, mod, obj):
            continue
        # The ``mock`` backport's MagicMock does not adopt a stdlib AsyncMock as its
        # child (its calls would go unrecorded): a file on the backport takes it there.
        if obj is not None and any(_extend_from(body, m, obj) for m in SAME_API.get(mod, ())):
            continue
        if obj is not None and _extend_from(body, mod, obj):
            continue
        stmt = cst.parse_statement(
            f"from {mod} import {obj}" + (f" as {alias}" if alias else "")
            if obj
            else f"import {mod}" + (f" as {alias}" if alias else "")
        )
        assert isinstance(stmt, cst.SimpleStatementLine)
        group = _group(mod, first_party)
        body = _insert(body, stmt, group, _key(mod, plain=obj is None), first_party)
    return module.with_changes(body=body)


def _present(body: list[cst.BaseStatement], mod: str, obj: str | None) -> bool:
    same = {mod, *SAME_API.get(mod, ())}
    for stmt in body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if obj is None and isinstance(small, cst.Import):
                if any(_module_name(a.name) == mod and a.asname is None for a in small.names):
                    return True
            if obj is not None and isinstance(small, cst.ImportFrom):
                if _from_module(small) in same and not isinstance(small.names, cst.ImportStar):
                    if any(_module_name(a.name) == obj for a in small.names):
                        return True
    return False


def _extend_from(body: list[cst.BaseStatement], mod: str, obj: str) -> bool:
    for index, stmt in enumerate(body):
        info = _import_info(stmt)
        if info is None:
            continue
        small = stmt.body[0]  # type: ignore[attr-defined]
        if (
            isinstance(small, cst.ImportFrom)
            and _from_module(small) == mod
            and not isinstance(small.names, cst.ImportStar)
        ):
            names = sorted([*(_module_name(a.name) for a in small.names), obj], key=name_order)
            aliases = {_module_name(a.name): _bound_name(a, "") for a in small.names}
            items = [f"{n} as {aliases[n]}" if aliases.get(n) else n for n in names]
            text = f"from {mod} import {', '.join(items)}"
            if len(text) > LINE_LENGTH:
                # One name a line, as ruff and black lay out a long import.
                text = f"from {mod} import (\n" + "".join(f"    {i},\n" for i in items) + ")"
            old = cst.ensure_type(stmt, cst.SimpleStatementLine)
            new = cst.ensure_type(cst.parse_statement(text), cst.SimpleStatementLine)
            body[index] = new.with_changes(
                leading_lines=old.leading_lines, trailing_whitespace=old.trailing_whitespace
            )
            return True
    return False


def _insert(
    body: list[cst.BaseStatement],
    stmt: cst.SimpleStatementLine,
    group: int,
    key: Key,
    first_party: frozenset[str],
) -> list[cst.BaseStatement]:
    imports: list[tuple[int, tuple[int, Key]]] = []
    for i, s in enumerate(body):
        found = _import_info(s, first_party)
        if found is not None:
            imports.append((i, found))
    if not imports:
        start = 1 if body and _is_docstring(body[0]) else 0
        rest = body[start:]
        lines: Sequence[cst.EmptyLine] = getattr(rest[0], "leading_lines", ()) if rest else ()
        if rest and not any(line.comment is None for line in lines):
            # The blank lines isort leaves after imports: two before a definition.
            blank = 2 if isinstance(rest[0], cst.FunctionDef | cst.ClassDef) else 1
            opening = rest[0].with_changes(
                leading_lines=[*(cst.EmptyLine() for _ in range(blank)), *lines]
            )
            rest = [opening, *rest[1:]]
        if start:  # a blank line parts the imports from the module's docstring
            stmt = stmt.with_changes(leading_lines=[cst.EmptyLine(), *stmt.leading_lines])
        return [*body[:start], stmt, *rest]
    # The top block of imports: stop at the first non-import statement after it.
    block: list[tuple[int, tuple[int, Key]]] = []
    for i, info in imports:
        if block and i != block[-1][0] + 1:
            break
        block.append((i, info))
    same = [(i, info) for i, info in block if info[0] == group]
    if same:
        after = [i for i, info in same if info[1] <= key]
        if after:
            position = after[-1] + 1
            return [*body[:position], stmt, *body[position:]]
        first = same[0][0]
        moved = body[first]
        # Take over the blank lines that open the group.
        new_first = stmt.with_changes(leading_lines=moved.leading_lines)  # type: ignore[attr-defined]
        return [
            *body[:first],
            new_first,
            moved.with_changes(leading_lines=[]),
            *body[first + 1 :],
        ]
    later = [i for i, info in block if info[0] > group]
    if later:
        position = later[0]
        following = body[position]
        new = stmt.with_changes(leading_lines=following.leading_lines)  # type: ignore[attr-defined]
        return [
            *body[:position],
            new,
            following.with_changes(leading_lines=[cst.EmptyLine()]),
            *body[position + 1 :],
        ]
    position = block[-1][0] + 1
    return [*body[:position], stmt.with_changes(leading_lines=[cst.EmptyLine()]), *body[position:]]


def with_script_fallback(module: cst.Module, package_from: str, script_from: str) -> cst.Module:
    """``from package_from import ...`` made to work when the file runs as a script too.

    Run as a script, the file has no package and its folder, not the package's,
    is on ``sys.path``: it imports ``from script_from import ...`` then. An
    earlier run's pair is extended with the names imported now.
    """
    body = list(module.body)
    names: list[str] = []
    plain: list[int] = []
    pair: int | None = None
    for index, stmt in enumerate(body):
        found = _from_names(stmt, package_from)
        if found is not None:
            plain.append(index)
            names.extend(found)
        elif isinstance(stmt, cst.If):
            found = _pair_names(stmt, package_from, script_from)
            if found is not None:
                pair = index
                names.extend(found)
    if not plain:
        return module
    items = sorted(set(names), key=name_order)
    text = (
        f"if __package__:\n{_from_text(package_from, items, '    ')}\n"
        "else:  # run from its own folder (a script): the folder is on sys.path\n"
        f"{_from_text(script_from, items, '    ')}\n"
    )
    at = pair if pair is not None else plain[0]
    new = cst.ensure_type(cst.parse_statement(text), cst.If)
    new = new.with_changes(leading_lines=body[at].leading_lines)
    body[at] = new
    return module.with_changes(body=[s for i, s in enumerate(body) if i == at or i not in plain])


def _from_names(stmt: cst.BaseStatement, mod: str) -> list[str] | None:
    """The names ``stmt`` imports, if it is ``from mod import ...`` alone."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
        return None
    if _from_module(small) != mod or any(a.asname for a in small.names):
        return None
    return [_module_name(a.name) for a in small.names]


def _pair_names(stmt: cst.If, package_from: str, script_from: str) -> list[str] | None:
    """The names an ``if __package__: from package_from import ... else: from
    script_from import ...`` imports, if ``stmt`` is one."""
    orelse = stmt.orelse
    if not m.matches(stmt.test, m.Name("__package__")) or not isinstance(orelse, cst.Else):
        return None
    if len(stmt.body.body) != 1 or len(orelse.body.body) != 1:
        return None
    names = _from_names(stmt.body.body[0], package_from)  # type: ignore[arg-type]
    if names is None or _from_names(orelse.body.body[0], script_from) is None:  # type: ignore[arg-type]
        return None
    return names


def _from_text(mod: str, names: list[str], indent: str) -> str:
    text = f"{indent}from {mod} import {', '.join(names)}"
    if len(text) <= LINE_LENGTH:
        return text
    inner = "".join(f"{indent}    {name},\n" for name in names)
    return f"{indent}from {mod} import (\n{inner}{indent})"


def after_imports(body: list[cst.BaseStatement]) -> int:
    """Index of the first statement after the module's docstring and top imports."""
    position = 0
    for index, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(
            stmt.body[0], cst.Import | cst.ImportFrom
        ):
            position = index + 1
        elif index == 0 and _is_docstring(stmt):
            position = 1
        elif not _is_dunder_assignment(stmt):
            break  # ``__author__ = ...`` above the imports: they go on after it
    return position


def _is_dunder_assignment(stmt: cst.BaseStatement) -> bool:
    return m.matches(
        stmt,
        m.SimpleStatementLine(
            [m.Assign([m.AssignTarget(m.Name(m.MatchIfTrue(lambda n: n.startswith("__"))))])]
        ),
    )


def _is_docstring(stmt: cst.BaseStatement) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


class _Names(cst.CSTVisitor):
    """Every name used outside import statements, and the dotted chains read
    (``urllib.request.urlopen`` reads ``urllib.request``)."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.chains: set[str] = set()
        # Names used other than as the head of a chain of attributes.
        self.bare: set[str] = set()

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        # ``asyncio.sleep`` uses ``asyncio``, not a name ``sleep``.
        chain = _module_name(node) if _is_chain(node) else None
        if chain is None:
            node.value.visit(self)
            return False
        parts = chain.split(".")
        self.names.add(parts[0])
        self.chains.update(".".join(parts[:end]) for end in range(2, len(parts) + 1))
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        # ``f(sleep=1)``: a keyword is not a use of the name.
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)
        self.bare.add(node.value)


def _is_chain(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Attribute):
        return _is_chain(node.value)
    return isinstance(node, cst.Name)


def remove_unused(
    module: cst.Module,
    candidates: set[tuple[str, str | None]],
    bindings: Set[str] = frozenset(),
    keep: Set[str] = frozenset(),
) -> cst.Module:
    """Drop ``import mod`` / ``from mod import obj`` that nothing uses any more, and
    the imports binding one of ``bindings`` unused; never one binding a name in
    ``keep`` (other modules import it from this one)."""
    if not candidates and not bindings:
        return module
    visitor = _Names()
    module.visit(visitor)
    used = visitor.names
    imported = {
        _module_name(alias.name)
        for stmt in module.body
        if m.matches(stmt, m.SimpleStatementLine([m.Import()]))
        for alias in cst.ensure_type(
            cst.ensure_type(stmt, cst.SimpleStatementLine).body[0], cst.Import
        ).names
        if alias.asname is None
    }
    body: list[cst.BaseStatement] = []
    carry: list[cst.EmptyLine] | None = None

    def trim(stmt: cst.BaseStatement, also: Set[str]) -> cst.BaseStatement | None:
        removable = _Removable(candidates, {*bindings, *also}, keep)
        return _without_unused(
            stmt, removable, used, partial(_dotted_import_used, names=visitor, imported=imported)
        )

    for stmt in module.body:
        if isinstance(stmt, cst.Try):
            new = without_unused_fallbacks(stmt, trim)
        else:
            new = trim(stmt, frozenset())
        if new is None:
            # A run of removed imports: the first blank line stays; at the top of
            # the file, the first import's (none: no blank line opens a module).
            if carry is None or (not carry and body):
                carry = list(stmt.leading_lines)
            continue
        if carry is not None:
            # An import that moves up to the top of the file takes the removed
            # one's place exactly (no blank line opens a module); other code
            # keeps the blank lines that part it from the imports.
            at_top = not body and _import_info(new) is not None
            if at_top or (not new.leading_lines and carry):  # type: ignore[attr-defined]
                new = new.with_changes(leading_lines=carry)
            carry = None
        body.append(new)
    return module.with_changes(body=body)


def _dotted_import_used(module: str, names: _Names, imported: set[str]) -> bool:
    """Whether ``import a.b`` is used: ``a.b...`` is read, ``a`` on its own, or
    ``a.x`` that no other import of the file brings (``import a.x``, ``import a``)."""
    head = module.split(".")[0]
    if module in names.chains or head in names.bare:
        return True
    others = imported - {module}
    for chain in names.chains:
        parts = chain.split(".")
        if parts[0] != head or len(parts) != 2:
            continue
        if not any(other in (head, chain) or other.startswith(f"{chain}.") for other in others):
            return True
    return False


class _Removable:
    """Which imports may go, if nothing uses what they bind."""

    def __init__(
        self, candidates: set[tuple[str, str | None]], bindings: Set[str], keep: Set[str]
    ) -> None:
        self.candidates, self.bindings, self.keep = candidates, bindings, keep

    def __call__(self, module: str, obj: str | None, bound: str) -> bool:
        if bound in self.keep:
            return False
        return (module, obj) in self.candidates or bound in self.bindings


def _without_unused(
    stmt: cst.BaseStatement,
    removable: _Removable,
    used: set[str],
    dotted_used: Callable[[str], bool],
) -> cst.BaseStatement | None:
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return stmt
    small = stmt.body[0]
    if isinstance(small, cst.Import):
        keep = []
        for a in small.names:
            name = _module_name(a.name)
            bound = _bound_name(a, name.split(".")[0])
            dotted = a.asname is None and "." in name
            if removable(name, None, bound) and (
                not dotted_used(name) if dotted else bound not in used
            ):
                continue
            keep.append(a)
        if not keep:
            return None
        if len(keep) != len(small.names):
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return stmt.with_changes(body=[small.with_changes(names=keep)])
        return stmt
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        mod = _module_name(small.module)
        keep = [
            a
            for a in small.names
            if not (
                removable(mod, _module_name(a.name), _bound_name(a, _module_name(a.name)))
                and _bound_name(a, _module_name(a.name)) not in used
            )
        ]
        if not keep:
            return None
        if len(keep) != len(small.names):
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return stmt.with_changes(body=[small.with_changes(names=keep)])
    return stmt


def _bound_name(alias: cst.ImportAlias, default: str) -> str:
    """The name an import binds: its ``as`` name, else ``default``."""
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return default
