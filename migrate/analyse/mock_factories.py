"""Test helpers that make a plain mock standing in for a project object.

``def MockProject(name): m = MagicMock(storages=[MockStorage("a")]); type(m).storage
= MagicMock(return_value=MockStorage("a")); return m``: what the mock is
configured with, attribute by attribute, as one module shows it. Which class
it stands in for is known only project-wide, from where the test hands it
(``patch.object(OSF, "project", return_value=MockProject("p"))``, see
stand_ins).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .frameworks import SYNC_MOCKS
from .model import MockAttr, MockFactory
from .tree import span_of

# Modules a test imports its mocks from: only their importers are looked at.
MOCK_MODULES = ("unittest.mock", "mock")

# ``MagicMock(...)`` keywords that shape the mock itself, not an attribute of it.
MOCK_KEYWORDS = frozenset(
    {"name", "spec", "spec_set", "side_effect", "return_value", "wraps", "unsafe", "parent"}
)


def mock_factory(
    node: ast.FunctionDef | ast.AsyncFunctionDef, resolve: Callable[[ast.expr], str | None]
) -> MockFactory | None:
    """What ``node`` configures on the plain mock it makes and returns, if it does."""
    made: dict[str, ast.Call] = {}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
            target = sub.targets[0]
            if isinstance(target, ast.Name) and isinstance(sub.value, ast.Call):
                if resolve(sub.value.func) in SYNC_MOCKS:
                    made[target.id] = sub.value
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
    value = returns[0].value if len(returns) == 1 else None
    name = value.id if isinstance(value, ast.Name) else ""
    call = made.get(name) if name else value
    if not isinstance(call, ast.Call) or resolve(call.func) not in SYNC_MOCKS:
        return None
    attrs = [
        _attr(kw.arg, kw.value, made, resolve)
        for kw in call.keywords
        if kw.arg is not None and kw.arg not in MOCK_KEYWORDS
    ]
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assign) and len(sub.targets) == 1 and name:
            target = sub.targets[0]
            if isinstance(target, ast.Attribute) and _is_mock(target.value, name):
                attrs.append(_attr(target.attr, sub.value, made, resolve))
    return MockFactory(span_of(call), tuple(attrs))


def _is_mock(node: ast.expr, name: str) -> bool:
    """``m`` or ``type(m)``: an attribute set on either is read on the mock."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type":
        node = node.args[0] if len(node.args) == 1 else node
    return isinstance(node, ast.Name) and node.id == name


def _attr(
    name: str,
    value: ast.expr,
    made: dict[str, ast.Call],
    resolve: Callable[[ast.expr], str | None],
) -> MockAttr:
    """One configured attribute: a plain mock (made here or in a local), a list or
    tuple of items, or another call; with the functions called to make what it gives."""
    if isinstance(value, ast.Name) and value.id in made:
        value = made[value.id]  # ``storage = MagicMock(...)`` ... ``type(m).storage = storage``
    if isinstance(value, ast.List | ast.Tuple):
        items = tuple(_called(e, resolve) for e in value.elts)
        return MockAttr(name, span_of(value), "items", tuple(i for i in items if i))
    if isinstance(value, ast.Call) and resolve(value.func) in SYNC_MOCKS:
        given = next((kw.value for kw in value.keywords if kw.arg == "return_value"), None)
        returned = _called(given, resolve) if given is not None else None
        return MockAttr(name, span_of(value), "mock", (returned,) if returned else ())
    called = _called(value, resolve)
    return MockAttr(name, span_of(value), "made" if called else "", (called,) if called else ())


def _called(node: ast.expr, resolve: Callable[[ast.expr], str | None]) -> str | None:
    """The function a call calls, resolved: ``MockStorage("a")`` -> its qualname."""
    return resolve(node.func) if isinstance(node, ast.Call) else None
