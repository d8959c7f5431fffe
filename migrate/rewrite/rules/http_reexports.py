"""MIG001, re-exported exceptions: a module that imports requests' exception
classes for others to take from it (``from requests.exceptions import
HTTPError`` in ``pkg/errors.py``) binds those names to httpx's classes once
its calls move, in place of the import: ``HTTPError = httpx.HTTPStatusError``,
or a tuple where requests' class covered several (``ConnectionError =
(httpx.NetworkError, ...)``, which ``except`` and ``pytest.raises`` take as
they took the class). The project's own modules that take such a name catch
httpx's classes directly (see http_exceptions).
"""

from __future__ import annotations

import libcst as cst

from ..imports import after_imports
from .http_exceptions import EXCEPTIONS, JSON_ERRORS, ExceptionRewrites


class ReexportRewrites(ExceptionRewrites):
    def _reexports(self, module: cst.Module) -> cst.Module:
        """``module`` with its requests exception names others take bound to httpx's."""
        names = self.ctx.edits.requests_exports
        if not names or self.ctx.edits.map_exceptions != "httpx":
            return module
        body = [_without_names(stmt, set(names)) for stmt in module.body]
        aliases = []
        for local, requests_name in sorted(names.items()):
            value = self._httpx_classes(requests_name.rpartition(".")[2])
            if value is None:
                continue
            aliases.append(
                cst.SimpleStatementLine(
                    [cst.Assign(targets=[cst.AssignTarget(cst.Name(local))], value=value)]
                )
            )
        kept = [stmt for stmt in body if stmt is not None]
        if aliases:
            at = after_imports(kept)
            aliases[0] = aliases[0].with_changes(leading_lines=[cst.EmptyLine()])
            if at < len(kept) and not kept[at].leading_lines:  # type: ignore[attr-defined]
                kept[at] = kept[at].with_changes(leading_lines=[cst.EmptyLine()])
            kept[at:at] = aliases
        return module.with_changes(body=kept)

    def _httpx_classes(self, cls: str) -> cst.BaseExpression | None:
        """httpx's class for requests' ``cls``, or the tuple of those it covers."""
        if cls in JSON_ERRORS:
            return self._json_error()
        mapped = EXCEPTIONS.get(cls)
        if mapped is None:
            return None
        classes = [self._json_error() if "." in name else self._httpx(name) for name in mapped]
        if len(classes) == 1:
            return classes[0]
        return cst.Tuple([cst.Element(c) for c in classes])


def _without_names(stmt: cst.BaseStatement, names: set[str]) -> cst.BaseStatement | None:
    """``stmt`` less the requests imports binding ``names`` (None: nothing left)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return stmt
    small = stmt.body[0]
    if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
        return stmt
    module = small.module
    written = cst.Module([]).code_for_node(module) if module is not None else ""
    if small.relative or written.split(".")[0] != "requests":
        return stmt
    keep = []
    for alias in small.names:
        bound = alias.asname.name if alias.asname else alias.name
        if isinstance(bound, cst.Name) and bound.value in names:
            continue
        keep.append(alias)
    if len(keep) == len(small.names):
        return stmt
    if not keep:
        return None
    keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return stmt.with_changes(body=[small.with_changes(names=keep)])
