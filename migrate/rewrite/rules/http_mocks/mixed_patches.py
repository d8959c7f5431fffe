"""unittest.mock patches of requests in a mixed test file get httpx twins, the part
of MIG008 http-mocks for patches in files whose code sends through both.

``mock.patch("requests.get")`` keeps catching the code still on requests; the
code that moved calls ``httpx.AsyncClient.get``, which the patch does not
reach. Each such patch gets a twin on httpx's side, made by the rule that moves
patches (:mod:`.unittest_mock`), answering as the requests mock does:

* a patch that hands its mock to the test (``@mock.patch("requests.get")``
  with a ``get`` parameter, ``with mock.patch("requests.get") as get:``) ->
  ``mock.patch("httpx.AsyncClient.get", side_effect=get)``: awaited, the twin
  calls ``get`` with the same arguments, so what the test configures on ``get``
  answers both, and ``get``'s calls count both;
* a patch given its fake (``mock.patch("requests.get", fake_get)``) -> the
  moved patch, ``AsyncMock(side_effect=fake_get)``, beside it.

A decorator's twin is a ``with`` around the test's body (it needs the mock
the decorator hands in); a ``with`` item's twin is the next item. A patch
decorating a class (a ``unittest.TestCase``) patches each of its methods whose
name starts with ``patch.TEST_PREFIX`` and hands each its mock after the
method's own: the twin goes around each such method's body, answering through
the mock that method is handed; a class patch given its fake gets the moved
patch beside it on the class.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import libcst as cst

from ...context import RuleContext
from ...nodes import code_of, dotted_name, is_keyword, keyword_arg, string_value
from ..base import on_leave, on_visit
from .unittest_mock import MONKEYPATCH, PATCH, PATCH_OBJECT, UnittestMockPatches, patched_verb

_COMMA = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
# The methods a patch decorating a class applies to (``mock.patch.TEST_PREFIX``).
TEST_PREFIX = "test"


@dataclass
class _ClassPatches:
    """The patches a class's decorators hand its test methods, top first, and
    whether each of those methods got their twins."""

    calls: tuple[cst.BaseExpression, ...]
    twinned: bool = True


class MixedPatchTwins(UnittestMockPatches):
    """Mixed test files: each unittest.mock patch of requests gets an httpx twin."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.twins = 0  # patches of requests given a twin in this file
        # A test method (by the id of its node) -> the patches its class hands it.
        self._class_patches: dict[int, _ClassPatches] = {}

    def _mixed_only(self) -> bool:
        return self.ctx.edits.mixed_mocks is not None and not self.ctx.edits.http_mocks

    @on_leave(cst.With)
    def with_patch_twins(self, original: cst.With, updated: cst.With) -> cst.With:
        """``with mock.patch("requests.get") as get:`` -> ``..., mock.patch(
        "httpx.AsyncClient.get", side_effect=get):``."""
        if self.ctx.edits.http_mocks:
            return _without_twins(updated)
        if not self._mixed_only():
            return updated
        items: list[cst.WithItem] = []
        for item in updated.items:
            items.append(item)
            if not isinstance(item.item, cst.Call):
                continue
            name = item.asname.name if item.asname is not None else None
            twin = self.patch_twin(item.item, name.value if isinstance(name, cst.Name) else None)
            if twin is not None:
                items[-1] = item.with_changes(comma=_COMMA)
                items.append(cst.WithItem(twin, comma=item.comma))
        return updated.with_changes(items=items)

    @on_leave(cst.IndentedBlock)
    def statement_patch_twins(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """``monkeypatch.setattr(requests.Session, "get", fake)`` -> the moved one after
        it (once, however often the file is migrated); a file whose mocks all moved
        drops the twin, the same statement again."""
        http = f"{self.ctx.options.http_module}.AsyncClient"
        body: list[cst.BaseStatement] = []
        for stmt in updated.body:
            call = _monkeypatch(stmt)
            previous = _monkeypatch(body[-1]) if body else None
            if (
                call is not None
                and previous is not None
                and http in _spelled(call)
                and _spelled(call) == _spelled(previous)
            ):
                continue  # a twin: its patch moved too, or it is already there
            body.append(stmt)
            if call is None or not self._mixed_only():
                continue
            twin = self.patch_twin(call, None)
            if twin is not None:
                assert isinstance(stmt, cst.SimpleStatementLine)
                expr = cst.ensure_type(stmt.body[0], cst.Expr)
                moved = expr.with_changes(value=twin)
                body.append(stmt.with_changes(body=[moved], leading_lines=[]))
        return updated if body == list(updated.body) else updated.with_changes(body=body)

    @on_visit(cst.ClassDef)
    def class_patch_methods(self, node: cst.ClassDef) -> None:
        """Note the methods a class's patch decorators hand their mocks to."""
        calls = tuple(d.decorator for d in node.decorators if hands_a_mock(d.decorator))
        if not calls or not isinstance(node.body, cst.IndentedBlock):
            return
        patches = _ClassPatches(calls)
        for stmt in node.body.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value.startswith(TEST_PREFIX):
                self._class_patches[id(stmt)] = patches

    @on_leave(cst.ClassDef)
    def class_patch_twins(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """``@mock.patch("requests.get", fake_get)`` on a class -> the moved patch beside
        it; a class patch handing its mock had its twins put in each test method."""
        if self.ctx.edits.http_mocks:
            return updated.with_changes(decorators=_without_twin_decorators(updated.decorators))
        if not self._mixed_only():
            return updated
        methods = [p for i, p in self._class_patches.items() if _in_body(original, i)]
        twinned = all(p.twinned for p in methods)
        decorators: list[cst.Decorator] = []
        for decorator in updated.decorators:
            call = decorator.decorator
            if hands_a_mock(call):
                if twinned and requests_patch(call, self.ctx.edits.requests_patches) is not None:
                    self.twins += 1
            elif isinstance(call, cst.Call):
                twin = self.patch_twin(call, None)
                if twin is not None:
                    decorators.append(cst.Decorator(twin))
            decorators.append(decorator)
        return updated.with_changes(decorators=decorators)

    @on_leave(cst.FunctionDef)
    def decorator_patch_twins(
        self, original: cst.FunctionDef, node: cst.FunctionDef
    ) -> cst.FunctionDef:
        """``@mock.patch("requests.get")`` handing ``get`` in (on the test, or on its
        class) -> the body under ``with mock.patch("httpx.AsyncClient.get",
        side_effect=get):``; a decorator given its fake -> the moved decorator beside
        it."""
        from_class = self._class_patches.get(id(original))
        class_calls = from_class.calls if from_class is not None else ()
        if self.ctx.edits.http_mocks:
            node = node.with_changes(decorators=_without_twin_decorators(node.decorators))
            http = self.ctx.options.http_module
            return _body_without_twins(node, class_calls, http, self.ctx.edits.requests_patches)
        if not self._mixed_only() or not isinstance(node.body, cst.IndentedBlock):
            return node
        handed = handed_mocks(node, class_calls)
        if handed is None:
            if from_class is not None and any(
                requests_patch(c, self.ctx.edits.requests_patches) for c in class_calls
            ):
                from_class.twinned = False
            return node
        names = {id(call): name for call, name in handed}
        decorators: list[cst.Decorator] = []
        items: list[cst.WithItem] = []
        for decorator in node.decorators:
            call = decorator.decorator
            twin = (
                self.patch_twin(call, names.get(id(call))) if isinstance(call, cst.Call) else None
            )
            if twin is not None and id(call) not in names:
                decorators.append(cst.Decorator(twin))
            elif twin is not None:
                items.append(cst.WithItem(twin))
            decorators.append(decorator)
        for call in class_calls:
            twin = self._handed_twin(call, names[id(call)])
            if twin is not None:
                items.append(cst.WithItem(twin))
        if not items and len(decorators) == len(node.decorators):
            return node
        body = node.body
        if items:
            for index, item in enumerate(items[:-1]):
                items[index] = item.with_changes(comma=_COMMA)
            statements = list(body.body)
            docstring = statements[:1] if statements and is_docstring(statements[0]) else []
            block = cst.With(items=items, body=body.with_changes(body=statements[len(docstring) :]))
            body = body.with_changes(body=[*docstring, block])
        return node.with_changes(decorators=decorators, body=body)

    def patch_twin(self, call: cst.Call, mock_name: str | None) -> cst.Call | None:
        """The httpx twin of a patch of one of requests' functions, or None."""
        found = requests_patch(call, self.ctx.edits.requests_patches)
        if found is None:
            return None
        self.twins += 1
        if found[1] or mock_name is None:
            return self._um_call(call, call)
        return self._handed_twin(call, mock_name)

    def _handed_twin(self, call: cst.BaseExpression, mock_name: str) -> cst.Call | None:
        """``mock.patch("httpx.AsyncClient.get", side_effect=get)`` for a patch of
        ``requests.get`` handing ``get``; None for a patch of anything else."""
        # A dotted string names httpx: the test needs no import of it.
        http = self.ctx.options.http_module
        return _answering_twin(call, mock_name, http, self.ctx.edits.requests_patches)


def _answering_twin(
    call: cst.BaseExpression, mock_name: str, http: str, names: Mapping[str, str]
) -> cst.Call | None:
    """The twin of a patch of requests handing ``mock_name``, answering through it."""
    found = requests_patch(call, names)
    if found is None or found[1] or not isinstance(call, cst.Call):
        return None
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "object":
        func = func.value  # ``mock.patch.object(requests, "get")`` -> ``mock.patch(...)``
    target = cst.Arg(
        cst.SimpleString(f'"{http}.AsyncClient.{found[0]}"'),
        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
    )
    return cst.Call(func, [target, keyword_arg("side_effect", cst.Name(mock_name))])


def requests_patch(
    call: cst.BaseExpression, names: Mapping[str, str] | None = None
) -> tuple[str, bool] | None:
    """A patch of one of requests' functions (``mock.patch("requests.get")``,
    ``patch.object(requests.Session, "post", fake)``, or a target spelt through the
    code under test, which ``names`` says is requests'): the verb, and whether the
    patch is given its fake; None for anything else."""
    if not isinstance(call, cst.Call):
        return None
    func = dotted_name(call.func) or ""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    named = string_value(positional[0].value) if positional else None
    if func in MONKEYPATCH and named is not None:
        target, new_at = named, 1
    elif func in PATCH and positional:
        target, new_at = named or "", 1
    elif (func in PATCH_OBJECT or func in MONKEYPATCH) and len(positional) >= 2:
        name = string_value(positional[1].value)
        owner = dotted_name(positional[0].value) or ""
        if name is None or owner.split(".")[0] != "requests":
            return None
        target, new_at = f"{owner}.{name}", 2
    else:
        return None
    found = patched_verb((names or {}).get(target, target))
    if found is None:
        return None
    return found[0], len(positional) > new_at or any(is_keyword(a, "new") for a in call.args)


def _monkeypatch(stmt: cst.BaseStatement) -> cst.Call | None:
    """The ``monkeypatch.setattr(...)`` call a statement is, if it is one."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    expr = stmt.body[0]
    if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
        return None
    return expr.value if (dotted_name(expr.value.func) or "") in MONKEYPATCH else None


def _patched_target(call: cst.BaseExpression) -> str | None:
    """What ``mock.patch("target", ...)`` / ``patch.object(owner, "name", ...)`` patches."""
    if not isinstance(call, cst.Call):
        return None
    func = dotted_name(call.func) or ""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if func in PATCH and positional:
        return string_value(positional[0].value)
    if func in PATCH_OBJECT and len(positional) >= 2:
        owner, name = dotted_name(positional[0].value), string_value(positional[1].value)
        return f"{owner}.{name}" if owner is not None and name is not None else None
    return None


def _twin_of(twin: cst.BaseExpression, call: cst.BaseExpression, name: str | None) -> bool:
    """Whether ``twin`` is the httpx twin of the patch ``call`` (handing ``name``) once
    ``call`` moved to httpx too: the same patch again, or one answering through it."""
    if not isinstance(twin, cst.Call) or _patched_target(twin) is None:
        return False
    if _patched_target(twin) != _patched_target(call):
        return False
    if _spelled(twin) == _spelled(call):
        return True
    rest = twin.args[1:]
    return (
        name is not None
        and len(rest) == 1
        and is_keyword(rest[0], "side_effect")
        and isinstance(rest[0].value, cst.Name)
        and rest[0].value.value == name
    )


def _spelled(call: cst.BaseExpression) -> str:
    """``call``'s code, whatever its layout."""
    return "".join(code_of(call).split()).replace(",)", ")")


def _without_twins(node: cst.With) -> cst.With:
    """A file whose mocks all moved: the twins a mixed step gave its ``with`` go."""
    items: list[cst.WithItem] = []
    for item in node.items:
        if items:
            previous = items[-1]
            name = previous.asname.name if previous.asname is not None else None
            handed = name.value if isinstance(name, cst.Name) else None
            if _twin_of(item.item, previous.item, handed):
                items[-1] = previous.with_changes(comma=item.comma)
                continue
        items.append(item)
    return node if len(items) == len(node.items) else node.with_changes(items=items)


def _without_twin_decorators(decorators: Sequence[cst.Decorator]) -> list[cst.Decorator]:
    """A twin decorator a mixed step put above a patch given its fake is, once that
    patch moved too, the same patch again: it goes. (Two patches handing mocks
    stay, however alike: each fills a parameter.)"""
    kept: list[cst.Decorator] = []
    for index, decorator in enumerate(decorators):
        below = decorators[index + 1].decorator if index + 1 < len(decorators) else None
        if (
            below is not None
            and _patched_target(decorator.decorator) is not None
            and not hands_a_mock(decorator.decorator)
            and _spelled(decorator.decorator) == _spelled(below)
        ):
            continue
        kept.append(decorator)
    return kept


def _body_without_twins(
    node: cst.FunctionDef,
    class_calls: Sequence[cst.BaseExpression],
    http: str,
    names: Mapping[str, str],
) -> cst.FunctionDef:
    """The ``with`` of twins a mixed step put around a test's body, once the decorators
    it answered through (the test's, and ``class_calls``, its class's as they were)
    moved too: the body comes out of it."""
    body = node.body
    if not isinstance(body, cst.IndentedBlock) or not body.body:
        return node
    docstring = list(body.body[:1]) if is_docstring(body.body[0]) else []
    if len(body.body) != len(docstring) + 1:
        return node
    block = body.body[-1]
    if not isinstance(block, cst.With) or not isinstance(block.body, cst.IndentedBlock):
        return node
    handed = handed_mocks(node, class_calls)
    if not handed:
        return node
    from_class = {id(c) for c in class_calls}
    twins = [
        (_answering_twin(call, name, http, names), None) if id(call) in from_class else (call, name)
        for call, name in handed
    ]
    calls = [(call, name) for call, name in twins if call is not None]
    if not all(any(_twin_of(i.item, c, n) for c, n in calls) for i in block.items):
        return node
    return node.with_changes(body=body.with_changes(body=[*docstring, *block.body.body]))


def handed_mocks(
    node: cst.FunctionDef, class_calls: Sequence[cst.BaseExpression]
) -> list[tuple[cst.BaseExpression, str]] | None:
    """The patches handing ``node`` their mocks (its decorators', then its class's) with
    the parameter each mock comes in as: the bottom decorator's first, after the
    test's own arguments, the class's after the test's. None when they may come in
    ``*args``."""
    injecting = [
        *(d.decorator for d in reversed(node.decorators) if hands_a_mock(d.decorator)),
        *reversed(class_calls),
    ]
    positional = [p.name.value for p in (*node.params.posonly_params, *node.params.params)]
    if len(injecting) > len(positional) or (
        injecting and isinstance(node.params.star_arg, cst.Param)
    ):
        return None
    return list(zip(injecting, positional[len(positional) - len(injecting) :], strict=True))


def _in_body(cls: cst.ClassDef, node_id: int) -> bool:
    """Whether the node of id ``node_id`` is one of ``cls``'s own statements."""
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return any(id(s) == node_id for s in body)


def hands_a_mock(node: cst.BaseExpression) -> bool:
    """A patch decorator that passes the test the mock it makes (no fake given)."""
    if not isinstance(node, cst.Call):
        return False
    func = dotted_name(node.func) or ""
    positional = [a for a in node.args if a.keyword is None and not a.star]
    new_at = 1 if func in PATCH else 2 if func in PATCH_OBJECT else None
    if new_at is None:
        return False
    return len(positional) <= new_at and not any(is_keyword(a, "new") for a in node.args)


def is_docstring(stmt: cst.BaseStatement) -> bool:
    """A string standing alone: a function's docstring when it comes first."""
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )
