"""Functions stored as another module's hooks: ``sys.excepthook = self.on_error``.

An attribute of an imported module (``sys.excepthook``, ``threading.excepthook``,
a library's ``client.on_error``) given a function is called by that module,
later, synchronously, where no event loop of this code runs. Such a store is a
reference of the function handed to that module (a ``Ref`` marked ``stored``):
once the function becomes async it is stored bridged, ``sys.excepthook =
async_to_sync(self.on_error)`` (see references). Stores into the project's own
modules are followed as the project's calls are.
"""

from __future__ import annotations

import ast

from .model import Function, Ref
from .names import NameResolver, expr_text, span_of


def note_stored_hook(resolver: NameResolver, fn: Function, node: ast.Assign) -> None:
    """Note ``module.attr = function`` in ``fn`` as a reference handed to ``module.attr``."""
    if len(node.targets) != 1 or not isinstance(node.value, ast.Name | ast.Attribute):
        return
    target = node.targets[0]
    if not isinstance(target, ast.Attribute) or not isinstance(target.value, ast.Name):
        return
    if target.value.id not in resolver.facts.imports:
        return
    if any(target.value.id in scope.bound for scope in resolver.scopes):
        return  # a local of the same name
    stored, value = resolver.resolve(target), resolver.resolve(node.value)
    if stored is None or value is None:
        return
    fn.refs.append(
        Ref(
            span=span_of(node.value),
            target=value,
            text=expr_text(node.value),
            receiver=stored,
            call_span=span_of(node),
            statement=True,
            stored=True,
        )
    )
