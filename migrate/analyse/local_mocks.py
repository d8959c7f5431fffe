"""Plain mocks a test makes and hands on, whose methods the code now awaits.

``job = Mock()``, ``api.get_job.return_value = job``, then ``assert
job.invoke.call_args_list == [...]``: ``job`` reaches the code under test,
which now awaits ``job.invoke(...)``, and a Mock answers that with a plain
value (``object Mock can't be used in 'await' expression``). The test only
configures ``invoke`` or asserts on it, never calls it itself; where every
method of that name in the project became async, the mock gets it as an
AsyncMock (``Mock(invoke=AsyncMock())``), which answers an await with the
same ``return_value`` and records the same calls (see handed_mocks).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from .frameworks import plain_mock
from .model import LocalMock
from .scopes import LocalScope
from .tree import _self_attr, span_of

# What a test reads or sets on a mock's method without calling it.
MOCK_ATTRIBUTES = frozenset(
    {
        "return_value",
        "side_effect",
        "called",
        "call_count",
        "call_args",
        "call_args_list",
        "mock_calls",
        "assert_called",
        "assert_called_once",
        "assert_called_with",
        "assert_called_once_with",
        "assert_any_call",
        "assert_has_calls",
        "assert_not_called",
        "reset_mock",
    }
)


def local_mocks(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    resolve: Callable[[ast.expr], str | None],
    owner: ast.ClassDef | None = None,
) -> tuple[LocalMock, ...]:
    """Each ``name = Mock()`` in ``function`` that ``name`` is handed on from: the
    name, where the mock is made, the methods the test configures or asserts on
    without calling them, and whether it is handed on only as a call's argument.

    In a method of a test class (``owner``), ``self.name = Mock()`` too (named
    ``self.name``, ``cls.name`` alike): set up in a hook and handed on there, while
    the tests configure it or assert on it, read across the class."""
    made: dict[str, list[ast.Call]] = {}
    bound: dict[str, int] = {}
    # A local is bound in the function, an attribute of the test anywhere in its class.
    for scope, on_self in ((function, False), *([(owner, True)] if owner else [])):
        for node in ast.walk(scope):
            stored = isinstance(getattr(node, "ctx", None), ast.Store)
            name = mock_name(node) if stored else None
            if name is not None and ("." in name) == on_self:
                bound[name] = bound.get(name, 0) + 1
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            name = mock_name(target)
            if (
                name is not None
                and (owner is not None or "." not in name)
                and isinstance(value, ast.Call)
                and plain_mock(resolve(value.func))
            ):
                made.setdefault(name, []).append(value)
    found = []
    for name, calls in made.items():
        if len(calls) != 1 or bound.get(name) != 1:
            continue
        scope = owner if "." in name and owner is not None else function
        configured = _configured(scope, name)
        if configured is not None:
            kept = _kept_in(function, name)
            found.append(LocalMock(name, span_of(calls[0]), *configured, kept))
    return tuple(found)


def handed_mock(scopes: Sequence[LocalScope], arg: ast.expr) -> str | None:
    """``Channel(cls.account, info)`` in the hook that made ``cls.account = Mock()``:
    a plain mock, which stands in for what the code's own callers give (see
    typeflow), not a value of some other type."""
    fn = scopes[-1].function if scopes else None
    name = mock_name(arg)
    if fn is None or name is None or all(mock.name != name for mock in fn.local_mocks):
        return None
    return "unittest.mock.Mock"


def mock_name(node: ast.AST) -> str | None:
    """``name``, or ``self.name`` for ``self.name``/``cls.name``: how a test holds a mock."""
    if isinstance(node, ast.Name):
        return node.id
    attr = _self_attr(node) if isinstance(node, ast.expr) else None
    return f"self.{attr}" if attr else None


def _kept_in(function: ast.AST, name: str) -> tuple[tuple[str, str], ...]:
    """Where the test puts the mock ``name`` on an object it holds: ``service._library
    = name`` gives ("service", "_library")."""
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            if node.value.id != name or len(node.targets) != 1:
                continue
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                found.append((target.value.id, target.attr))
    return tuple(found)


def _configured(scope: ast.AST, name: str) -> tuple[tuple[str, ...], bool] | None:
    """The methods of the mock ``name`` the test only configures or asserts on, and
    whether it is handed on only as an argument, when it is handed on; else None."""
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(scope):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    configured: set[str] = set()
    used: set[str] = set()
    handed = False
    as_argument = True
    for node in ast.walk(scope):
        if not (isinstance(getattr(node, "ctx", None), ast.Load) and mock_name(node) == name):
            continue
        method = parents.get(id(node))
        if not isinstance(method, ast.Attribute):
            handed = True  # an argument, a ``return_value``, an item: the code gets it
            holder = parents.get(id(method)) if isinstance(method, ast.keyword) else method
            as_argument &= isinstance(holder, ast.Call) and node is not holder.func
            continue
        # ``api.http_session.get.return_value``: ``http_session.get``, reached through
        # the mock's attributes.
        chain = [method.attr]
        outer = parents.get(id(method))
        while isinstance(outer, ast.Attribute) and outer.attr not in MOCK_ATTRIBUTES:
            chain.append(outer.attr)
            outer = parents.get(id(outer))
        if isinstance(outer, ast.Attribute):
            configured.add(".".join(chain))
        else:
            used.add(".".join(chain))  # called, set or read by the test itself
    return (tuple(sorted(configured - used)), as_argument) if handed else None
