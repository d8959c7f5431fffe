"""What a test makes a patched method return, when that is a mock it or a fixture makes.

``@mock.patch.object(View, "get_jenkins_obj")`` hands the test its mock
(``_get_jenkins``), and ``_get_jenkins.return_value = jenkins`` (or
``jenkins()``, the fixture mock's own return value) makes every
``self.get_jenkins_obj()`` in the code under test give that mock. Where the
patched method only returns an attribute (``return self.jenkins_obj``), the mock
stands for what the attribute holds, and the methods the code now awaits through
it become AsyncMocks where the mock is made (see handed_mocks).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .frameworks import PATCHERS, hands_mock


def patched_returns(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    resolve: Callable[[ast.expr], str | None],
    is_method: bool,
) -> tuple[tuple[str, str, bool], ...]:
    """(what is patched, the name the patch's mock is made to return, whether that is
    the name's call) for each ``<patch mock>.return_value = name`` or ``= name()``
    in test ``node``, the mock being one a ``mock.patch`` decorator hands it."""
    targets = [_target(d, resolve) for d in reversed(node.decorator_list)]
    params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)][int(is_method) :]
    handed = dict(zip(params, [t for t in targets if t != ""], strict=False))
    found = []
    for stmt in ast.walk(node):
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target, value = stmt.targets[0], stmt.value
        if not (
            isinstance(target, ast.Attribute)
            and target.attr == "return_value"
            and isinstance(target.value, ast.Name)
            and handed.get(target.value.id)
        ):
            continue
        called = isinstance(value, ast.Call) and not value.args and not value.keywords
        given = value.func if isinstance(value, ast.Call) and called else value
        if isinstance(given, ast.Name):
            found.append((handed[target.value.id] or "", given.id, called))
    return tuple(found)


def _target(decorator: ast.expr, resolve: Callable[[ast.expr], str | None]) -> str | None:
    """What a ``mock.patch`` decorator handing the test a mock patches (None when the
    analysis cannot tell); "" for any other decorator, which hands nothing."""
    if not hands_mock(decorator):
        return ""
    assert isinstance(decorator, ast.Call)
    if resolve(decorator.func) not in PATCHERS:
        return None  # a ``patch`` of some other library: it hands something all the same
    args = decorator.args
    is_object = isinstance(decorator.func, ast.Attribute) and decorator.func.attr == "object"
    name = args[1] if is_object and len(args) > 1 else args[0] if args else None
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return None
    if not is_object:
        return name.value
    owner = resolve(args[0])
    return f"{owner}.{name.value}" if owner else None
