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
the decorator hands in); a ``with`` item's twin is the next item.
"""

from __future__ import annotations

import libcst as cst

from ...context import RuleContext
from ...nodes import code_of, dotted_name, is_keyword, keyword_arg, string_value
from ..base import on_leave
from .unittest_mock import PATCH, PATCH_OBJECT, UnittestMockPatches, patched_verb

_COMMA = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


class MixedPatchTwins(UnittestMockPatches):
    """Mixed test files: each unittest.mock patch of requests gets an httpx twin."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.twins = 0  # patches of requests given a twin in this file

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

    @on_leave(cst.FunctionDef)
    def decorator_patch_twins(
        self, original: cst.FunctionDef, node: cst.FunctionDef
    ) -> cst.FunctionDef:
        """``@mock.patch("requests.get")`` handing ``get`` in -> the body under ``with
        mock.patch("httpx.AsyncClient.get", side_effect=get):``; a decorator given its
        fake -> the moved decorator beside it."""
        if self.ctx.edits.http_mocks:
            return _body_without_twins(node)
        if not self._mixed_only() or not isinstance(node.body, cst.IndentedBlock):
            return node
        injecting = [d for d in node.decorators if _hands_a_mock(d.decorator)]
        positional = [p.name.value for p in (*node.params.posonly_params, *node.params.params)]
        if len(injecting) > len(positional):
            return node
        # The bottom decorator's mock comes first, after the test's own arguments.
        handed = dict(zip(reversed(injecting), positional[len(positional) - len(injecting) :]))
        decorators: list[cst.Decorator] = []
        items: list[cst.WithItem] = []
        for decorator in node.decorators:
            call = decorator.decorator
            twin = (
                self.patch_twin(call, handed.get(decorator)) if isinstance(call, cst.Call) else None
            )
            if twin is not None and decorator not in handed:
                decorators.append(cst.Decorator(twin))
            elif twin is not None:
                items.append(cst.WithItem(twin))
            decorators.append(decorator)
        if not items and len(decorators) == len(node.decorators):
            return node
        body = node.body
        if items:
            for index, item in enumerate(items[:-1]):
                items[index] = item.with_changes(comma=_COMMA)
            body = body.with_changes(body=[cst.With(items=items, body=body)])
        return node.with_changes(decorators=decorators, body=body)

    def patch_twin(self, call: cst.Call, mock_name: str | None) -> cst.Call | None:
        """The httpx twin of a patch of one of requests' functions, or None."""
        found = requests_patch(call)
        if found is None:
            return None
        verb, given = found
        self.twins += 1
        if given or mock_name is None:
            return self._um_call(call, call)
        http = self.ctx.options.http_module
        self.ctx.add_import(http)
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "object":
            func = func.value  # ``mock.patch.object(requests, "get")`` -> ``mock.patch(...)``
        target = cst.Arg(
            cst.SimpleString(f'"{http}.AsyncClient.{verb}"'),
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
        )
        return cst.Call(func, [target, keyword_arg("side_effect", cst.Name(mock_name))])


def requests_patch(call: cst.Call) -> tuple[str, bool] | None:
    """A patch of one of requests' functions (``mock.patch("requests.get")``,
    ``patch.object(requests.Session, "post", fake)``): the verb, and whether the
    patch is given its fake; None for any other call."""
    func = dotted_name(call.func) or ""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if func in PATCH and positional:
        target, new_at = string_value(positional[0].value) or "", 1
    elif func in PATCH_OBJECT and len(positional) >= 2:
        name = string_value(positional[1].value)
        owner = dotted_name(positional[0].value) or ""
        if name is None or owner.split(".")[0] != "requests":
            return None
        target, new_at = f"{owner}.{name}", 2
    else:
        return None
    found = patched_verb(target)
    if found is None:
        return None
    return found[0], len(positional) > new_at or any(is_keyword(a, "new") for a in call.args)


def _patched_target(call: cst.BaseExpression) -> str | None:
    """What ``mock.patch("target", ...)`` patches."""
    if not isinstance(call, cst.Call) or (dotted_name(call.func) or "") not in PATCH:
        return None
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return string_value(positional[0].value) if positional else None


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


def _body_without_twins(node: cst.FunctionDef) -> cst.FunctionDef:
    """The ``with`` of twins a mixed step put around a test's body, once the decorators
    it answered through moved too: the body comes out of it."""
    body = node.body
    if not isinstance(body, cst.IndentedBlock) or len(body.body) != 1:
        return node
    block = body.body[0]
    if not isinstance(block, cst.With) or not isinstance(block.body, cst.IndentedBlock):
        return node
    injecting = [d for d in node.decorators if _hands_a_mock(d.decorator)]
    positional = [p.name.value for p in (*node.params.posonly_params, *node.params.params)]
    if not injecting or len(injecting) > len(positional):
        return node
    handed = zip(reversed(injecting), positional[len(positional) - len(injecting) :])
    calls = [(d.decorator, name) for d, name in handed]
    if not all(any(_twin_of(i.item, c, n) for c, n in calls) for i in block.items):
        return node
    return node.with_changes(body=body.with_changes(body=block.body.body))


def _hands_a_mock(node: cst.BaseExpression) -> bool:
    """A patch decorator that passes the test the mock it makes (no fake given)."""
    if not isinstance(node, cst.Call):
        return False
    func = dotted_name(node.func) or ""
    positional = [a for a in node.args if a.keyword is None and not a.star]
    new_at = 1 if func in PATCH else 2 if func in PATCH_OBJECT else None
    if new_at is None:
        return False
    return len(positional) <= new_at and not any(is_keyword(a, "new") for a in node.args)
