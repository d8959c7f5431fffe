"""Imports a module falls back on: ``try: import a`` / ``except ImportError: import b``.

Both bind the same names, and only one runs. When the rewrite leaves a name
the ``try`` body imports unused, its fallback goes with it; when that leaves
the whole statement without an import, the statement goes. A block that
does more than import (``except ImportError: urllib = None``) is left whole,
as is one whose removal would leave either side empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set

import libcst as cst

# Filters one statement: kept as is, trimmed, or None, given names whose imports
# may go besides the rewrite's own (what the ``try`` body no longer imports).
Trim = Callable[[cst.BaseStatement, Set[str]], cst.BaseStatement | None]


def without_unused_fallbacks(stmt: cst.Try, trim: Trim) -> cst.BaseStatement | None:
    """``stmt`` with the imports nothing uses any more dropped on both sides."""
    if stmt.orelse or stmt.finalbody or not stmt.handlers:
        return stmt
    if not all(_catches_import_error(h) for h in stmt.handlers):
        return stmt
    suites = [stmt.body, *(h.body for h in stmt.handlers)]
    if not all(isinstance(s, cst.IndentedBlock) and all(map(_imports, s.body)) for s in suites):
        return stmt
    first = cst.ensure_type(stmt.body, cst.IndentedBlock)
    body = _trimmed(first.body, trim, frozenset())
    gone = _bound(first.body) - _bound(body)
    if not gone:
        return stmt
    handlers = []
    for handler in stmt.handlers:
        block = cst.ensure_type(handler.body, cst.IndentedBlock)
        left = _trimmed(block.body, trim, gone)
        handlers.append(handler.with_changes(body=block.with_changes(body=left)))
    emptied = [not body, *(not cst.ensure_type(h.body, cst.IndentedBlock).body for h in handlers)]
    if all(emptied):
        return None
    if any(emptied):
        return stmt
    return stmt.with_changes(body=first.with_changes(body=body), handlers=handlers)


def _trimmed(
    stmts: Sequence[cst.BaseStatement], trim: Trim, gone: Set[str]
) -> list[cst.BaseStatement]:
    kept = [new for stmt in stmts if (new := trim(stmt, gone)) is not None]
    first = stmts[0] if stmts else None
    if kept and isinstance(first, cst.SimpleStatementLine) and kept[0] is not first:
        # The block's opening comment (``# Python 2``) stays at its top.
        kept[0] = kept[0].with_changes(leading_lines=first.leading_lines)
    return kept


def _catches_import_error(handler: cst.ExceptHandler) -> bool:
    caught = handler.type
    names = caught.elements if isinstance(caught, cst.Tuple) else [caught]
    return all(
        isinstance(n, cst.Name) and n.value in ("ImportError", "ModuleNotFoundError")
        for n in (e.value if isinstance(e, cst.Element) else e for e in names)
    )


def _imports(stmt: cst.BaseStatement) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(small, cst.Import | cst.ImportFrom | cst.Pass) for small in stmt.body
    )


def _bound(stmts: Sequence[cst.BaseStatement]) -> set[str]:
    """The names the import statements among ``stmts`` bind."""
    found: set[str] = set()
    for stmt in stmts:
        for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Import | cst.ImportFrom) and not isinstance(
                small.names, cst.ImportStar
            ):
                for alias in small.names:
                    found.add(
                        cst.ensure_type(alias.asname.name, cst.Name).value
                        if alias.asname
                        else alias.evaluated_name.split(".")[0]
                    )
    return found
