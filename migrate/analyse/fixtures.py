"""What a pytest fixture gives that the migration must follow.

The type of the object it gives, for the tests that take it (a fixture of a
test class too), and a plain mock it makes: ``def request_mock(): return
MagicMock()`` handed to a test that puts it in place of a method that
becomes async (``client._api.request = request_mock``) must give an
``AsyncMock`` instead (see fakes.find_fakes).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .frameworks import SYNC_MOCKS
from .model import FIXTURE_PREFIX, RETURNS_SUFFIX, ModuleFacts, Span
from .scopes import own_nodes
from .tree import assigned_values, dotted


def returned_mock(
    node: ast.FunctionDef | ast.AsyncFunctionDef, resolve: Callable[[ast.expr], str | None]
) -> tuple[Span, ...]:
    """Where ``return MagicMock(...)`` (or ``m = MagicMock(...)`` ... ``return m``) makes
    what the function gives, when that is all it ever returns, and its ``-> MagicMock``
    annotation if it has one."""
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
    made = returns[0].value if len(returns) == 1 else None
    if isinstance(made, ast.Name):
        bound = assigned_values(node, made.id)
        made = bound[0] if len(bound) == 1 else None
    if not isinstance(made, ast.Call) or resolve(made.func) not in SYNC_MOCKS:
        return ()
    spans: list[ast.expr] = [made]
    if node.returns is not None and resolve(node.returns) in SYNC_MOCKS:
        spans.append(node.returns)
    return tuple(
        Span(n.lineno, n.col_offset, n.end_lineno or 0, n.end_col_offset or 0) for n in spans
    )


def returned_attribute(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    annotation_type: Callable[[ast.expr | None], str | None],
) -> str:
    """``return client.servers`` with ``client: Client``: ``pkg.Client.servers``, an
    attribute whose type the project knows ("" for anything else)."""
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
    value = returns[0].value if len(returns) == 1 else None
    parts = dotted(value) if isinstance(value, ast.Attribute) else None
    if not parts:
        return ""
    args = node.args
    annotated = {a.arg: a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    typ = annotation_type(annotated.get(parts[0]))
    return ".".join([typ, *parts[1:]]) if typ else ""


def note_fixture(
    facts: ModuleFacts,
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    typ: str | None,
    resolve: Callable[[ast.expr], str | None],
    owner: str = "",
) -> None:
    """What the fixture ``node`` gives, as the module's tests see it by name; a mock a
    fixture of the class ``owner`` makes is noted as ``<owner>.<name>``."""
    typ = typ or fixture_call_result(node)
    if typ:
        # Fixtures of two test classes may share a name: giving two types, it has none.
        known = facts.fixture_types.setdefault(node.name, typ)
        if known != typ:
            facts.fixture_types[node.name] = FIXTURE_PREFIX + node.name
    made = returned_mock(node, resolve)
    if made:
        facts.fixture_mocks[f"{owner}.{node.name}" if owner else node.name] = made


def is_fixture_decorator(node: ast.expr) -> bool:
    """``@pytest.fixture`` or ``@pytest_asyncio.fixture``, called or not."""
    func = node.func if isinstance(node, ast.Call) else node
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name) or not parts:
        return False
    return parts[0] == "fixture" and func.id in ("pytest", "pytest_asyncio")


def returned_maker(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    qualname: str,
    made_by: Callable[[ast.FunctionDef | ast.AsyncFunctionDef, str], str | None],
) -> tuple[str, str] | None:
    """``def constructor(...): class Fake(Base): ...; return Fake(...)`` nested in the
    fixture ``qualname``, which returns it: the test calls what it is given to make
    its object. (the nested function, the class a call of it makes), or None; a class
    the fixture defines and returns is what it gives: (that class, "").

    ``made_by(function, qualname)`` is what a function makes, as far as names at the
    top of the module tell; a class the nested function defines itself comes first.
    """
    returns = _own_returns(node)
    value = returns[0].value if len(returns) == 1 else None
    nested = {s.name: s for s in node.body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
    classes = {s.name for s in node.body if isinstance(s, ast.ClassDef)}
    if isinstance(value, ast.Name) and value.id in classes:
        return f"{qualname}.{value.id}", ""  # the class itself: calling it makes one
    if not isinstance(value, ast.Name) or value.id not in nested:
        return None
    maker = nested[value.id]
    maker_name = f"{qualname}.{maker.name}"
    classes = {s.name for s in maker.body if isinstance(s, ast.ClassDef)}
    made = [r.value for r in _own_returns(maker)]
    if len(made) == 1 and isinstance(made[0], ast.Call) and isinstance(made[0].func, ast.Name):
        if made[0].func.id in classes:
            return maker_name, f"{maker_name}.{made[0].func.id}"
    typ = made_by(maker, maker_name)
    return (maker_name, typ) if typ else None


def _own_returns(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.Return]:
    """The returns of ``node`` itself, not of the functions and classes it defines."""
    return [sub for sub in own_nodes(node) if isinstance(sub, ast.Return)]


def fixture_call_result(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """``return gl.projects.get(1)`` in a fixture taking the fixture ``gl``: what that
    call returns, as the graph resolves it (``<fixture>.gl.projects.get()``)."""
    params = {arg.arg for arg in (*node.args.posonlyargs, *node.args.args)}
    returns = [sub for sub in ast.walk(node) if isinstance(sub, ast.Return | ast.Yield)]
    if len(returns) != 1 or not isinstance(returns[0].value, ast.Call):
        return None
    parts = dotted(returns[0].value.func)
    if not parts or len(parts) < 2 or parts[0] not in params:
        return None
    return FIXTURE_PREFIX + ".".join(parts) + RETURNS_SUFFIX
