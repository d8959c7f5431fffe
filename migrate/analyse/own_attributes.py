"""Attributes a ``requests.Session`` subclass keeps for itself under a name that
``httpx.AsyncClient`` uses otherwise: renamed, so the class can convert.

``self.base_url = "https://api.example.com/v2/"`` in a Session subclass is
its own string (requests has no such attribute), but an AsyncClient's
``base_url`` is an ``httpx.URL`` that it also merges into every request. The
attribute takes a name of the class's own (``api_base_url`` for
``ApiSession``) wherever it is used: ``self.base_url`` in the methods of the
class and its subclasses, and reads of it on objects typed as one of them.
Any other ``.base_url`` in the project (on an object of unknown type, set from
outside, in a nested function) might be it too: the class stays on requests.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from .model import Function, Span
from .project import Project
from .tree import span_of


def own_name(cls: str, attr: str) -> str:
    """``ApiSession``, ``base_url`` -> ``api_base_url``; ``Session`` -> ``own_base_url``."""
    noun = re.sub(r"(Session|Client)$", "", cls.rsplit(".", 1)[-1]).lower()
    return f"{noun or 'own'}_{attr}"


def uses(
    project: Project,
    resolve: Callable[[str | None], str | None],
    family: set[str],
    attr: str,
) -> list[tuple[str, Span]] | None:
    """Every ``.attr`` in the project, by module and position, when each is the
    family's own (see the module's docstring); None when one may be another's."""
    owned = {f"{cls}.{attr}" for cls in family}
    found: list[tuple[str, Span]] = []
    needle = re.compile(rf"\.{re.escape(attr)}\b")
    for module, facts in project.facts.items():
        loaded = project.files.get(module)
        if loaded is None or not needle.search(loaded.source.text):
            continue
        try:
            tree = ast.parse(loaded.source.text)
        except SyntaxError:
            return None
        functions = sorted(facts.functions.values(), key=lambda f: _size(f.span))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or node.attr != attr:
                continue
            span = span_of(node)
            fn = next((f for f in functions if _contains(f.span, span)), None)
            own = (
                isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and fn is not None
                and fn.parent is None
                and fn.class_qualname in family
            )
            if not own and not _typed_read(fn, span, resolve, owned):
                return None
            found.append((module, span))
    return found


def _typed_read(
    fn: Function | None, span: Span, resolve: Callable[[str | None], str | None], owned: set[str]
) -> bool:
    if fn is None:
        return False
    return any(r.span == span and resolve(r.target) in owned for r in fn.reads)


def _contains(outer: Span, inner: Span) -> bool:
    return (outer.line, outer.col) <= (inner.line, inner.col) and (
        inner.end_line,
        inner.end_col,
    ) <= (outer.end_line, outer.end_col)


def _size(span: Span) -> tuple[int, int]:
    return (span.end_line - span.line, span.end_col - span.col)
