"""MIG009 async-fakes: a fake put in place of a function that became async is async.

``monkeypatch.setattr(api, "fetch", fake_fetch)``, ``mock.patch("api.fetch",
fake_fetch)`` (``new=``, decorator or ``with``), ``mock.patch.object(api,
"fetch", fake_fetch)`` or ``api.fetch = fake_fetch`` where ``api.fetch`` is
now ``async def``: the code under test awaits what it calls, so
``fake_fetch`` becomes ``async def`` too (its body is unchanged; an instance
of a callable class gets an async ``__call__``). A lambda cannot be async: it
(or any other callable value: ``calls.append``, ``make_fake()``) is wrapped
as ``AsyncMock(side_effect=lambda ...)``, which returns what the
lambda returns when awaited (and raises what it raises); one set on a class
in place of a method, taking the instance (``lambda self: True``), as the
helpers module's ``async_method(lambda ...)``, which is bound as a method
where a mock would not be. ``MagicMock(...)``
becomes ``AsyncMock(...)`` with the same arguments, also where a fixture
makes it (``client._transport.request = request_mock``, with ``request_mock``
a fixture returning ``MagicMock()``: the fixture returns, and is annotated
as, an ``AsyncMock``). A fixture's ``MagicMock()`` handed to a class that
now awaits some of its methods (``BoundModel(client=client)`` awaiting
``self._client.get_by_id(...)``) gets them as AsyncMocks:
``MagicMock(get_by_id=AsyncMock())``. ``patch(..., new_callable=MagicMock)`` makes an
``AsyncMock`` instead, and a mock the test made first and passes as the fake
(``fetch = MagicMock()``) is wrapped, so the test still configures and
asserts on it. A ``patch`` without a fake needs nothing: it makes an
``AsyncMock`` for an async target itself.
A ``Mock()`` put in place of a whole requests session that becomes an
``AsyncClient`` (``client.session = Mock()``) is the helpers module's
``async_client_mock()``, whose request methods are awaited. A ``patch`` of a
project class whose methods became async (``mock.patch("pkg.Site")``, its
MagicMock standing in for the class and its instances) is given
``new_callable=async_class_mock("pkg.Site")``: the same MagicMock, with
those methods AsyncMocks.

``time.sleep`` faked where the code now awaits ``asyncio.sleep`` is patched
on asyncio instead (``"time.sleep"`` -> ``"asyncio.sleep"``, ``time`` ->
``asyncio``), with its fake made async the same way, so the fake still
catches the sleeps.

A fake of urllib's ``urlopen`` where the code now sends through httpx
(``monkeypatch.setattr(app.urllib.request, "urlopen", fake)``, ``mock.patch(
"app.urlopen", fake)``) is patched onto ``httpx.AsyncClient.send`` instead,
through the helpers module's ``urlopen_fake(fake)``: the fake is handed what
urlopen was and answers as it did (see analyse/urlopen_fakes.py).

A test helper's mock standing in for a project object (see
analyse/stand_ins.py) gets its async methods as AsyncMocks, and a list it
gives for a property that gives an async generator now becomes the helpers
module's ``AsyncItemsList([...])``, which ``async for`` takes and the test
still indexes.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from ...analyse.catalogue import HTTP_VERBS
from ..context import RuleContext
from ..nodes import code_of, keyword_arg
from .base import Rule, on_leave, on_visit
from .http_mocks.call_assertions import ASSERTING, expected_call

# requests' request methods a session mock stands for.
REQUEST_METHODS = frozenset({*HTTP_VERBS, "request"})

CLIENT_MOCK = "async_client_mock"
CLASS_MOCK = "async_class_mock"
ITEMS = "async_items"
ITEMS_PROPERTY = "AsyncItemsPropertyMock"
ITEMS_LIST = "AsyncItemsList"
URLOPEN_FAKE = "urlopen_fake"
ASYNC_METHOD = "async_method"


class AsyncFakes(Rule):
    code = "MIG009"
    name = "async-fakes"
    summary = "fakes of functions that became async (patch, setattr, assignment) become async"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        # What holds a session mock that became an async_client_mock() (``client._session``,
        # all its request methods: None), or a mock given a session's request methods as
        # AsyncMocks (``session = Mock(post=AsyncMock(...))``: those).
        self._client_mocks: dict[str, frozenset[str] | None] = {}

    @on_visit(cst.FunctionDef)
    def enter_fake_function(self, node: cst.FunctionDef) -> None:
        self._client_mocks.clear()

    @on_leave(cst.Assign)
    def note_client_mock(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        pos = self.ctx.pos(original.value)
        methods = self.ctx.edits.fake_mock_methods.get(pos or (0, 0, 0, 0), ())
        # "post()": a session's request method, its twin awaited (see handed_mocks).
        verbs = frozenset(m.removesuffix("()") for m in methods if m.endswith("()"))
        if pos in self.ctx.edits.fake_clients or verbs:
            for target in original.targets:
                self._client_mocks[code_of(target.target)] = verbs or None
        return updated

    def _asserted_request(self, updated: cst.Call) -> cst.Call:
        """``client._session.post.assert_called_with(url, data=json.dumps(d))`` on a
        session mock that became an ``async_client_mock()``, or on a mock given a
        session's request methods (``session = Mock(post=AsyncMock(...))``, then
        ``pb._session = session``): the code's call is httpx's now, and so is the call
        expected (see http_mocks.call_assertions)."""
        func = updated.func
        if not (
            self._client_mocks
            and isinstance(func, cst.Attribute)
            and func.attr.value in ASSERTING
            and isinstance(func.value, cst.Attribute)
            and func.value.attr.value in REQUEST_METHODS
            and code_of(func.value.value) in self._client_mocks
        ):
            return updated
        verbs = self._client_mocks[code_of(func.value.value)]
        if verbs is not None and func.value.attr.value not in verbs:
            return updated
        return expected_call(updated, func.value.attr.value)

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.asynchronous is None and self.ctx.qualname in self.ctx.edits.async_fakes:
            self.ctx.note(
                self.code, self.ctx.line(original), f"async def {original.name.value} (a fake)"
            )
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.List, cst.Tuple)
    def leave_items(
        self, original: cst.List | cst.Tuple, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if self.ctx.pos(original) not in self.ctx.edits.fake_item_lists:
            return updated
        self.ctx.note(self.code, self.ctx.line(original), "items of a generator -> AsyncItemsList")
        items = updated.with_changes(lpar=[], rpar=[])
        return cst.Call(cst.Name(self.ctx.use_helper(ITEMS_LIST)), [cst.Arg(items)])

    @on_leave(cst.Lambda, cst.Name, cst.Attribute, cst.Call, cst.Subscript)
    def leave_wrapped(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        if pos in self.ctx.edits.fake_item_properties and isinstance(updated, cst.Name):
            self.ctx.maybe_remove_import("unittest.mock", updated.value)
            self.ctx.note(self.code, self.ctx.line(original), "PropertyMock of a generator")
            return cst.Name(self.ctx.use_helper(ITEMS_PROPERTY))
        if pos in self.ctx.edits.fake_mocks and isinstance(updated, cst.Name | cst.Attribute):
            # The mock class itself: ``new_callable=MagicMock``, a fixture's ``-> MagicMock``.
            return self._async_mock(updated)
        given = self.ctx.edits.fake_urlopens.get(pos) if pos is not None else None
        if given is not None:
            self.ctx.note(self.code, self.ctx.line(original), "urlopen fake -> urlopen_fake")
            args = [cst.Arg(updated)]
            if given == "url":
                args.append(keyword_arg("url", cst.Name("True")))
            if pos in self.ctx.edits.entered_urlopens:
                args.append(keyword_arg("entered", cst.Name("True")))
            return cst.Call(cst.Name(self.ctx.use_helper(URLOPEN_FAKE)), args)
        if pos not in self.ctx.edits.fake_lambdas:
            return updated
        if pos in self.ctx.edits.fake_methods:
            self.ctx.note(self.code, self.ctx.line(original), "sync method fake -> async_method")
            return cst.Call(cst.Name(self.ctx.use_helper(ASYNC_METHOD)), [cst.Arg(updated)])
        self.ctx.add_import("unittest.mock", "AsyncMock")
        self.ctx.note(self.code, self.ctx.line(original), "sync fake -> AsyncMock(side_effect=...)")
        call = cst.parse_expression("AsyncMock(side_effect=_)")
        assert isinstance(call, cst.Call)
        return call.with_changes(args=[call.args[0].with_changes(value=updated)])

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if not isinstance(updated, cst.Call):
            return updated
        updated = self._asserted_request(updated)
        if self.ctx.pos(original) in self.ctx.edits.fake_clients:
            if isinstance(updated.func, cst.Name):
                self.ctx.maybe_remove_import("unittest.mock", updated.func.value)
            elif isinstance(updated.func, cst.Attribute):  # ``mock.MagicMock()``
                self.ctx.maybe_remove_binding(code_of(updated.func.value))
            self.ctx.note(self.code, self.ctx.line(original), "session mock -> async_client_mock")
            return updated.with_changes(func=cst.Name(self.ctx.use_helper(CLIENT_MOCK)))
        made_by = any(
            a.keyword is not None and a.keyword.value == "new_callable" for a in updated.args
        )
        if self.ctx.pos(original) in self.ctx.edits.fake_client_patches and not made_by:
            self.ctx.note(self.code, self.ctx.line(original), "session patch -> async_client_mock")
            return _made_by(updated, cst.Name(self.ctx.use_helper(CLIENT_MOCK)))
        if self.ctx.pos(original) in self.ctx.edits.fake_classes:
            # One given its ``new_callable`` already (an earlier run's) stays as it is.
            return updated if made_by else self._class_mock(original, updated)
        if original.args and self.ctx.pos(original.args[0].value) in (
            self.ctx.edits.fake_urlopen_targets
        ):
            return self._send_patched(updated)
        if self.ctx.pos(original) in self.ctx.edits.fake_iterators:
            return self._items_mock(original, updated)
        methods = self.ctx.edits.fake_mock_methods.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if methods:
            return self._mock_methods(original, updated, methods)
        if self.ctx.pos(original) not in self.ctx.edits.fake_mocks:
            return updated
        self.ctx.note(self.code, self.ctx.line(original), "mock fake -> AsyncMock")
        return updated.with_changes(func=self._async_mock(updated.func))

    def _send_patched(self, updated: cst.Call) -> cst.Call:
        """``setattr(app.urllib.request, "urlopen", f)`` -> ``setattr(httpx.AsyncClient,
        "send", f)``; ``patch("app.urlopen", f)`` -> ``patch("httpx.AsyncClient.send", f)``."""
        http = self.ctx.options.http_module
        args = list(updated.args)
        target = args[0].value
        if isinstance(target, cst.SimpleString):
            quote = target.quote
            args[0] = args[0].with_changes(
                value=target.with_changes(
                    value=f"{target.prefix}{quote}{http}.AsyncClient.send{quote}"
                )
            )
        elif len(args) > 1 and isinstance(args[1].value, cst.SimpleString):
            self.ctx.add_import(http)
            head = target
            while isinstance(head, cst.Attribute):
                head = head.value
            if isinstance(head, cst.Name):  # ``http`` of ``from app.api import http``
                self.ctx.maybe_remove_binding(head.value)
            quote = cst.ensure_type(args[1].value, cst.SimpleString).quote
            args[0] = args[0].with_changes(value=cst.parse_expression(f"{http}.AsyncClient"))
            args[1] = args[1].with_changes(value=cst.SimpleString(f"{quote}send{quote}"))
        return updated.with_changes(args=args)

    def _items_mock(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``Mock(return_value=iter([]))`` -> ``Mock(return_value=async_items(iter([])))``."""
        args = []
        for arg in updated.args:
            if arg.keyword is not None and arg.keyword.value == "return_value":
                self.ctx.note(self.code, self.ctx.line(original), "iterator fake -> async_items")
                helper = cst.Name(self.ctx.use_helper(ITEMS))
                arg = arg.with_changes(value=cst.Call(helper, [cst.Arg(arg.value)]))
            args.append(arg)
        return updated.with_changes(args=args)

    def _mock_methods(
        self, original: cst.Call, updated: cst.Call, methods: tuple[str, ...]
    ) -> cst.Call:
        """``MagicMock()`` -> ``MagicMock(get_by_id=AsyncMock())``: the methods the code
        it is handed to now awaits (see analyse/handed_mocks.py)."""
        self.ctx.note(self.code, self.ctx.line(original), "mock handed on -> async methods")
        given = {a.keyword.value for a in updated.args if a.keyword is not None}
        # ``**{"return_value.get": AsyncMock()}``: dotted names given already.
        given |= {
            key.evaluated_value
            for a in updated.args
            if a.star == "**" and isinstance(a.value, cst.Dict)
            for e in a.value.elements
            if isinstance(e, cst.DictElement)
            and isinstance(key := e.key, cst.SimpleString)
            and isinstance(key.evaluated_value, str)
        }
        args = list(updated.args)
        dotted = []
        for name in methods:
            name, result = name.removesuffix("()"), name.endswith("()")
            if name in given:
                continue
            # ``get()``: its result an object the test configures, as a call gave it.
            plain = [keyword_arg("return_value", cst.Call(updated.func))] if result else []
            made = cst.Call(self._async_mock(updated.func), plain)
            if "." in name:  # an attribute's method: configure_mock's dotted names
                dotted.append(cst.DictElement(cst.SimpleString(f'"{name}"'), made))
            else:
                args.append(keyword_arg(name, made))
        if dotted:
            args.append(cst.Arg(cst.Dict(dotted), star="**"))
        return updated.with_changes(args=_laid_out_as(updated.args, args))

    def _class_mock(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``mock.patch("pkg.Site")`` -> ``mock.patch("pkg.Site",
        new_callable=async_class_mock("pkg.Site"))``."""
        self.ctx.note(self.code, self.ctx.line(original), "class mock -> async_class_mock")
        target = updated.args[0].value
        helper = cst.Call(cst.Name(self.ctx.use_helper(CLASS_MOCK)), [cst.Arg(target)])
        return _made_by(updated, helper)

    def _async_mock(self, mock_class: cst.BaseExpression) -> cst.BaseExpression:
        """``AsyncMock`` named as ``mock_class`` names ``MagicMock`` (or ``Mock``)."""
        if isinstance(mock_class, cst.Attribute):
            return mock_class.with_changes(attr=cst.Name("AsyncMock"))
        self.ctx.add_import("unittest.mock", "AsyncMock")
        if isinstance(mock_class, cst.Name):
            self.ctx.maybe_remove_import("unittest.mock", mock_class.value)
        return cst.Name("AsyncMock")

    @on_leave(cst.SimpleString)
    def leave_SimpleString(
        self, original: cst.SimpleString, updated: cst.SimpleString
    ) -> cst.BaseExpression:
        renamed = self.ctx.edits.renamed_strings.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if renamed is not None:
            return _renamed_target(updated, *renamed)
        if self.ctx.pos(original) not in self.ctx.edits.fake_retargets:
            return updated
        self.ctx.note(self.code, self.ctx.line(original), "time.sleep fake -> asyncio.sleep")
        quote = updated.quote
        return updated.with_changes(value=f"{updated.prefix}{quote}asyncio.sleep{quote}")

    @on_leave(cst.Name, cst.Attribute)
    def leave_owner(
        self, original: cst.Name | cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if self.ctx.pos(original) not in self.ctx.edits.fake_retargets:
            return updated
        self.ctx.add_import("asyncio")
        self.ctx.maybe_remove_import("time")
        self.ctx.note(self.code, self.ctx.line(original), "time.sleep fake -> asyncio.sleep")
        return cst.Name("asyncio")


def _renamed_target(string: cst.SimpleString, old: str, new: str) -> cst.SimpleString:
    """``"pkg.Client.close"`` (or ``"close"``) naming a method now called ``new``."""
    text = string.evaluated_value
    if not isinstance(text, str) or text.rpartition(".")[2] != old:
        return string
    quote = string.quote
    renamed = text[: len(text) - len(old)] + new
    return string.with_changes(value=f"{string.prefix}{quote}{renamed}{quote}")


def _laid_out_as(given: Sequence[cst.Arg], args: list[cst.Arg]) -> list[cst.Arg]:
    """``args`` (``given`` and more after them) one a line as ``given`` were, when the
    call already spans lines: ``MagicMock(name=n,\n          files=[...])``."""
    breaks = [
        a.comma
        for a in given
        if isinstance(a.comma, cst.Comma)
        and isinstance(a.comma.whitespace_after, cst.ParenthesizedWhitespace)
    ]
    if not breaks or len(args) == len(given):
        return args
    last = given[-1].comma
    return [
        arg.with_changes(comma=breaks[0] if i < len(args) - 1 else last)
        for i, arg in enumerate(args)
    ]


def _made_by(patch: cst.Call, made_by: cst.BaseExpression) -> cst.Call:
    """``patch`` given ``new_callable=<made_by>``."""
    args = [
        *patch.args[:-1],
        patch.args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
    ]
    new_callable = cst.Arg(
        made_by,
        keyword=cst.Name("new_callable"),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )
    return patch.with_changes(args=[*args, new_callable])
