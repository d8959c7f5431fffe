"""What a function hands back: functions to be called (``return self.gitlab.http_put``),
and the names its return annotation mentions.

python-gitlab picks its update verb in a method of its own::

    def _get_update_method(self):
        if self._update_method is UpdateMethod.POST:
            http_method = self.gitlab.http_post
        else:
            http_method = self.gitlab.http_put
        return http_method

and its caller calls what it is given: ``http_method = self._get_update_method()``
then ``http_method(path, ...)``. Each ``return`` naming a function (directly, or
through a local every assignment of which names one) makes that call a call of
every such function: the graph links it to each of them and makes them async
together (see ``CallGraph.returned_functions``), so one ``await`` serves them
all. A ``return`` of anything else keeps the result a value the analysis does
not follow.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .scopes import own_nodes
from .tree import dotted


def returned_references(
    node: ast.FunctionDef | ast.AsyncFunctionDef, resolve: Callable[[ast.expr], str | None]
) -> tuple[str, ...]:
    """What each ``return`` of ``node`` names, resolved; empty when one names no
    function-like chain (a call, a constant, a local given anything else)."""
    assigned: dict[str, list[ast.expr]] = {}
    returns: list[ast.expr | None] = []
    for sub in own_nodes(node):
        if isinstance(sub, ast.Return):
            returns.append(sub.value)
        elif isinstance(sub, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    value = sub.value if not isinstance(sub, ast.AugAssign) else None
                    assigned.setdefault(target.id, []).append(value or ast.Constant(None))
    if not returns:
        return ()
    named: list[ast.expr] = []
    for value in returns:
        if isinstance(value, ast.Name) and value.id in assigned:
            named.extend(assigned[value.id])
        elif value is not None:
            named.append(value)
        else:
            return ()
    found: list[str] = []
    for value in named:
        resolved = resolve(value) if dotted(value) else None
        if resolved is None:
            return ()  # a parameter, a call, a constant: not a function we can name
        found.append(resolved)
    return tuple(sorted(set(found)))


def annotated_names(
    annotation: ast.expr | None, resolve: Callable[[ast.expr], str | None]
) -> tuple[str, ...]:
    """Every name an annotation mentions (``Union["Pager", List[dict]]``), resolved;
    a quoted forward reference is read as the expression it holds."""
    found: set[str] = set()
    todo = [annotation] if annotation is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                todo.append(ast.parse(node.value, mode="eval").body)
            except SyntaxError:
                pass
            continue
        if dotted(node) and (name := resolve(node)):
            found.add(name)
            continue
        todo.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))
    return tuple(sorted(found))
