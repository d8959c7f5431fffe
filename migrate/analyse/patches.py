"""Fakes a test puts in place of a function, as facts of the function that does it.

``monkeypatch.setattr(mod, "fetch", fake)`` / ``("pkg.mod.fetch", fake)``,
``mock.patch("pkg.mod.fetch", fake)`` / ``new=fake`` (decorator or ``with``),
``mock.patch.object(mod, "fetch", fake)`` and plain ``mod.fetch = fake``
each note a :class:`~.model.Patch`, and so does ``new_callable=MagicMock`` (a
plain mock made by the patch); colouring decides which become async.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .choices import only_called
from .frameworks import PATCHERS, PROPERTY_MOCKS, SYNC_MOCKS, plain_mock
from .given import parametrize_rows
from .model import FIXTURE_PREFIX, NAMED_PREFIX, Dynamic, Function, Patch, Span
from .named_reads import spelt_names
from .names import NameResolver, expr_text, span_of
from .tree import assigned_values

# ``setattr(obj, name, fake)`` and ``patch.object(obj, name, fake)``.
_SETTERS = frozenset({"builtins.setattr", *(p for p in PATCHERS if p.endswith(".object"))})

# What a local holding ``mocker.stub()`` is, as names resolve it.
STUB = ">.mocker.stub()"

# What makes a patch's mock something else than a plain MagicMock.
_MOCK_SHAPERS = frozenset({"new", "new_callable", "spec", "spec_set", "autospec"})


def note_patch(resolver: NameResolver, fn: Function, node: ast.Call) -> None:
    """A ``setattr``/``patch``/``patch.object`` call made in ``fn``."""
    args = list(node.args)
    new = next((kw.value for kw in node.keywords if kw.arg == "new"), None)
    if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
        target: str | None = args[0].value
        rest = args[1:]
    elif len(args) >= 2 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str):
        owner = resolver.resolve(args[0])
        target = f"{owner}.{args[1].value}" if owner else None
        rest = args[2:]
    else:
        return
    before = len(fn.patches)
    _note_patch(resolver, fn, node, target, rest, new, span_of(args[0]))
    if not isinstance(args[0], ast.Constant):  # ``patch.object(Client, "fetch", ...)``
        for patch in fn.patches[before:]:
            patch.name_span = span_of(args[1])


def _note_patch(
    resolver: NameResolver,
    fn: Function,
    node: ast.Call,
    target: str | None,
    rest: list[ast.expr],
    new: ast.expr | None,
    owner_span: Span,
) -> None:
    value = rest[0] if rest else new
    made_by = next((kw.value for kw in node.keywords if kw.arg == "new_callable"), None)
    made = resolver.resolve(made_by) if made_by is not None else None
    if value is None and made_by is not None and (made in SYNC_MOCKS or _property_mock(made)):
        # ``new_callable=MagicMock``: patch would make the plain mock asked for.
        fn.patches.append(Patch(span_of(made_by), target, None, False, True, owner_span))
        return
    if value is None:
        # ``mock.patch("mod.fetch")``: patch makes an AsyncMock for an async
        # target by itself; only a retargeted ``time.sleep`` needs an edit.
        given = next((kw.value for kw in node.keywords if kw.arg == "return_value"), None)
        returns = resolver.resolve(given.func) if isinstance(given, ast.Call) else None
        fn.patches.append(
            Patch(span_of(node), target, None, target_span=owner_span, returns=returns)
        )
        return
    _note_fake(resolver, fn, value, target, owner_span)


def _property_mock(name: str | None) -> bool:
    """``PropertyMock``, ``mocker.PropertyMock``: a property's stand-in."""
    return name in PROPERTY_MOCKS or (name or "").endswith(">.mocker.PropertyMock")


def note_assigned_fake(resolver: NameResolver, fn: Function, node: ast.Assign) -> None:
    """``mod.fetch = fake``: a fake put in place by plain assignment."""
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Attribute):
        return
    # ``mod.fetch``, or a method of an instance the test holds (``client._api.get``).
    owner = node.targets[0].value
    depth = 0
    while isinstance(owner, ast.Attribute):
        owner, depth = owner.value, depth + 1
    # ``self.fetch = ...`` sets an instance's own attribute; ``self.page.revisions``
    # replaces a method of an object the test holds.
    if not isinstance(owner, ast.Name) or (owner.id in ("self", "cls") and not depth):
        return
    target = resolver.resolve(node.targets[0])
    if target is None and depth:
        # ``Helper._client.write_points``: the object's type is unknown here.
        target = NAMED_PREFIX + node.targets[0].attr
    if target is None:
        return
    before = len(fn.patches)
    _note_fake(resolver, fn, node.value, target, span_of(node.targets[0].value))
    read_back = isinstance(node.value, ast.Name | ast.Attribute | ast.Subscript)
    for patch in fn.patches[before:]:
        patch.assigned = "read" if read_back else "value"


def _note_fake(
    resolver: NameResolver,
    fn: Function,
    value: ast.expr,
    target: str | None,
    target_span: Span | None,
) -> None:
    if isinstance(value, ast.Constant):
        return
    wrap = not isinstance(value, ast.Name)  # a name is a function, or left alone
    is_mock = False
    fake: str | None = None
    if isinstance(value, ast.Name | ast.Attribute):
        fake = resolver.resolve(value)
        made_at = _stub_made(resolver, value) if (fake or "").endswith(STUB) else None
        if made_at is not None:
            # ``stub = mocker.stub()``: specced on a function, it passes for a coroutine
            # function, so no AsyncMock can wrap it; it becomes one where it is made.
            fn.patches.append(Patch(span_of(made_at), target, None, False, True, target_span))
            return
        local = resolver.scopes[-1].local_types if resolver.scopes else {}
        made = local.get(value.id) if isinstance(value, ast.Name) else None
        if plain_mock(made):
            # A mock the test configures and asserts on: awaited through a wrapper.
            wrap = True
        elif made and not made.startswith(FIXTURE_PREFIX):
            fake = f"{made}.__call__"  # an instance of a callable class
    elif isinstance(value, ast.Call):
        made = resolver.resolve(value.func)
        if plain_mock(made):
            is_mock, wrap = True, False
        elif made:
            fake = f"{made}.__call__"  # an instance of a callable class
    # What a fixture gives: a mock it makes becomes async there.
    fixture = (
        value.id
        if isinstance(value, ast.Name)
        and fn.framework in ("pytest-test", "pytest-fixture")
        and value.id in fn.params
        else None
    )
    named = isinstance(value, ast.Name) and fake is None and not wrap and fixture is None
    params = (
        len(value.args.posonlyargs) + len(value.args.args)
        if isinstance(value, ast.Lambda) and value.args.vararg is None
        else None
    )
    fn.patches.append(
        Patch(span_of(value), target, fake, wrap, is_mock, target_span, fixture, named, params)
    )


def _stub_made(resolver: NameResolver, value: ast.expr) -> ast.Call | None:
    """Where the local ``value`` names is made, when it is bound once, by a call."""
    node = resolver.scopes[-1].node if resolver.scopes else None
    if not isinstance(value, ast.Name) or node is None:
        return None
    made = assigned_values(node, value.id)
    return made[0] if len(made) == 1 and isinstance(made[0], ast.Call) else None


def note_dynamic(resolver: NameResolver, fn: Function, node: ast.Call, target: str | None) -> None:
    """``getattr(obj, name)(...)`` or ``setattr(obj, name, MagicMock())`` with ``name``
    known only at run time: a method of ``obj`` named then (see dynamic). So is
    ``fn = getattr(obj, name)`` then ``fn(...)``, the local bound once and only called."""
    func = node.func
    if isinstance(func, ast.Name):
        func = _looked_up_local(resolver, func) or func
    if (
        isinstance(func, ast.Call)
        and resolver.resolve(func.func) == "builtins.getattr"
        and len(func.args) == 2
        and _named_at_run_time(func.args[1])
    ):
        parent = getattr(node, "_migrate_parent", None)
        fn.dynamic.append(
            Dynamic(
                "call",
                span_of(node),
                _held(resolver, func.args[0]),
                expr_text(func.args[0]),
                awaited=isinstance(parent, ast.Await),
                named_after_function=_function_name(func.args[1]),
                names=_parametrized(resolver, func.args[1])
                or spelt_names(resolver, func, func.args[1]),
                prefix=_name_prefix(func.args[1]),
            )
        )
        return
    setter = target in _SETTERS or expr_text(func) == "monkeypatch.setattr"
    if not setter or len(node.args) != 3 or not _named_at_run_time(node.args[1]):
        return
    made = _mock_made(resolver, node.args[2])
    if made is not None:
        fn.dynamic.append(
            Dynamic(
                "mock",
                made,
                _held(resolver, node.args[0]),
                expr_text(node.args[0]),
                named_after_function=_function_name(node.args[1]),
            )
        )


def _looked_up_local(resolver: NameResolver, name: ast.Name) -> ast.Call | None:
    """The ``getattr(obj, name)`` call a local is bound to, once, and only called."""
    node = resolver.scopes[-1].node if resolver.scopes else None
    if node is None:
        return None
    made = assigned_values(node, name.id)
    if len(made) != 1 or not isinstance(made[0], ast.Call) or not only_called(node, name.id):
        return None
    call = made[0]
    return call if resolver.resolve(call.func) == "builtins.getattr" else None


def _name_prefix(name: ast.expr) -> str:
    """How a name put together at run time starts: ``"get_" + kind``,
    ``f"get_{kind}"`` -> ``get_``."""
    first = name.left if isinstance(name, ast.BinOp) and isinstance(name.op, ast.Add) else None
    if isinstance(name, ast.JoinedStr) and name.values:
        first = name.values[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return ""


def _parametrized(resolver: NameResolver, name: ast.expr) -> tuple[str, ...]:
    """The strings ``@pytest.mark.parametrize`` gives the test's parameter ``name``
    (``("field,method", [("a", "get_a"), ...])``); none unless every one is one."""
    node = resolver.scopes[-1].node if resolver.scopes else None
    if not isinstance(name, ast.Name) or not isinstance(
        node, ast.FunctionDef | ast.AsyncFunctionDef
    ):
        return ()
    for params, rows in parametrize_rows(node):
        if name.id not in params:
            continue
        at, found = params.index(name.id), []
        for values in rows:
            value = values[at] if at < len(values) else None
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                return ()
            found.append(value.value)
        return tuple(found)
    return ()


def _named_at_run_time(name: ast.expr) -> bool:
    return not (isinstance(name, ast.Constant) and isinstance(name.value, str))


def _function_name(name: ast.expr) -> bool:
    return isinstance(name, ast.Attribute) and name.attr == "__name__"


def _held(resolver: NameResolver, obj: ast.expr) -> str | None:
    return resolver.resolve(obj) if isinstance(obj, ast.Name | ast.Attribute) else None


def _mock_made(resolver: NameResolver, value: ast.expr) -> Span | None:
    """Where the sync mock ``value`` is made: right there, or the one assignment
    of the local it names."""
    if isinstance(value, ast.Name) and resolver.scopes and resolver.scopes[-1].node is not None:
        assigned = [
            sub.value
            for sub in ast.walk(resolver.scopes[-1].node)
            if isinstance(sub, ast.Assign | ast.AnnAssign)
            and any(
                isinstance(t, ast.Name) and t.id == value.id
                for t in (sub.targets if isinstance(sub, ast.Assign) else [sub.target])
            )
        ]
        if len(assigned) != 1 or assigned[0] is None:
            return None
        value = assigned[0]
    if isinstance(value, ast.Call) and resolver.resolve(value.func) in SYNC_MOCKS:
        return span_of(value)
    return None


def class_mock(node: ast.expr, resolve: Callable[[ast.expr], str | None]) -> str | None:
    """``mock.patch("pkg.Site")``: the class (as written) a plain MagicMock stands in
    for, the mock the patch hands the test; None for any other patch or value."""
    if not isinstance(node, ast.Call) or resolve(node.func) not in PATCHERS:
        return None
    if len(node.args) != 1 or {kw.arg for kw in node.keywords} & _MOCK_SHAPERS:
        return None
    target = node.args[0]
    if not isinstance(target, ast.Constant) or not isinstance(target.value, str):
        return None
    last = target.value.rsplit(".", 1)[-1]
    return target.value if last[:1].isupper() and not last.isupper() else None


def started_mock(node: ast.Call, resolve: Callable[[ast.expr], str | None]) -> str | None:
    """``mock.patch("pkg.Site").start()``: the class the mock stands in for."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "start" and not node.args:
        return class_mock(func.value, resolve)
    return None


def patched_params(
    node: ast.FunctionDef | ast.AsyncFunctionDef, resolve: Callable[[ast.expr], str | None]
) -> dict[str, str]:
    """The parameters that patch decorators fill with a class's stand-in (see
    :func:`class_mock`), bottom decorator first, after ``self``."""
    given: list[str | None] = []
    for decorator in reversed(node.decorator_list):
        if not isinstance(decorator, ast.Call) or resolve(decorator.func) not in PATCHERS:
            continue
        if any(kw.arg == "new" for kw in decorator.keywords):
            continue  # a patch given its replacement hands the test nothing
        target_args = 2 if (resolve(decorator.func) or "").endswith(".object") else 1
        if len(decorator.args) > target_args:
            continue  # given positionally
        given.append(class_mock(decorator, resolve))
    params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    if params[:1] in (["self"], ["cls"]):
        params = params[1:]
    return {param: target for param, target in zip(params, given) if target}
