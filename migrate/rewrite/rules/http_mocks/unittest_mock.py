"""unittest.mock patches of requests -> of httpx, the third part of MIG008 http-mocks.

A test that patches requests' functions (``mock.patch("requests.get")``,
``mock.patch("shop.api.requests.post")``, ``mock.patch.object(requests.Session,
"get")``, ``monkeypatch.setattr(requests.Session, "get", fake)``) catches
nothing once the code sends through httpx: the request goes to the network.
The patch moves to the method every ``httpx.AsyncClient`` sends with
(``mock.patch("httpx.AsyncClient.get")``), where ``patch`` makes an
``AsyncMock``: awaited, it gives what the requests mock returned. Its answer
is a ``MagicMock`` as before (an ``AsyncMock``'s own would make ``.json()`` a
coroutine). A fake of a module function is called through
``AsyncMock(side_effect=fake)`` with the same arguments (an ``AsyncMock`` on
the class takes no ``self``); a fake of a Session method through the helpers
module's ``async_method(fake)``, a coroutine function that still gets the
client as ``self``, as it got the session. ``return_value=`` /
``side_effect=`` stay; ``new_callable=MagicMock`` becomes ``AsyncMock``,
answering a ``MagicMock`` the same way. ``Session.send``, which every request goes through in
both libraries, is ``AsyncClient.send``, and so is the transport's
``HTTPAdapter.send`` (left as it was, it would let the requests out).

The whole class patched (``mock.patch("shop.api.requests.Session")``) is
``httpx.AsyncClient`` patched to make the helpers module's
``async_client_mock()``: a ``MagicMock`` whose request methods are
``AsyncMock`` objects answering a ``MagicMock``, which the test configures
as it did (``Session.return_value.get.return_value = ...``); a patch given
its own ``new`` or ``spec`` gets a TODO.
"""

from __future__ import annotations

import libcst as cst

from ....analyse.catalogue import HTTP_VERBS
from ...nodes import code_of, dotted_name, is_keyword, keyword_arg, string_value
from ..base import Rule

# pytest-mock's ``mocker.patch`` takes what ``mock.patch`` takes.
PATCH = frozenset({"patch", "mock.patch", "unittest.mock.patch", "mocker.patch"})
PATCH_OBJECT = frozenset({f"{p}.object" for p in PATCH})
# pytest's fixture: ``monkeypatch.setattr(requests.Session, "get", fake)`` or
# ``monkeypatch.setattr("requests.Session.get", fake)``.
MONKEYPATCH = frozenset({"monkeypatch.setattr"})
# What follows ``requests.`` in a patched name: the module's function, or a
# Session method.
REQUESTS_PATHS = ((), ("api",), ("Session",), ("sessions", "Session"))
# The transport a Session sends through: its ``send`` is the client's, every request
# goes through both (a test faking "the wire" patches it).
ADAPTER = ("adapters", "HTTPAdapter")
VERBS = frozenset({*HTTP_VERBS, "request"})
CLIENT_MOCK = "async_client_mock"
MODULE_MOCK = "httpx_module_mock"
ASYNC_METHOD = "async_method"
# Session methods with an AsyncClient twin of the same name that are no verb.
SESSION_ONLY = frozenset({"send"})
# Mock classes whose calls return plain values (their async twin is AsyncMock).
SYNC_MOCKS = frozenset({"Mock", "MagicMock"})


def _sync_mock(node: cst.BaseExpression) -> bool:
    """``MagicMock`` / ``mock.Mock``: a mock class whose calls return plain values."""
    return (dotted_name(node) or "").rsplit(".", 1)[-1] in SYNC_MOCKS


def _renamed(node: cst.BaseExpression, name: str) -> cst.BaseExpression:
    """``mock.MagicMock`` -> ``mock.AsyncMock``, ``MagicMock`` -> ``AsyncMock``."""
    if isinstance(node, cst.Attribute):
        return node.with_changes(attr=cst.Name(name))
    return cst.Name(name)


def patched_verb(target: str) -> tuple[str, bool] | None:
    """The request method a patched name stands for, and whether it is a Session
    method: ``"shop.api.requests.get"`` -> ``("get", False)``,
    ``"requests.Session.post"`` -> ``("post", True)``; None for anything else."""
    parts = target.split(".")
    if "requests" not in parts[:-1]:
        return None
    at = len(parts) - 1 - parts[::-1].index("requests")
    middle, verb = tuple(parts[at + 1 : -1]), parts[-1]
    if middle == ADAPTER:
        return (verb, True) if verb in SESSION_ONLY else None
    session = "Session" in middle
    if middle not in REQUESTS_PATHS or verb not in (VERBS | SESSION_ONLY if session else VERBS):
        return None
    return verb, session


def patches_session_class(target: str) -> bool:
    """Whether a patched name is requests' Session class: ``"shop.api.requests.Session"``."""
    parts = target.split(".")
    if "requests" not in parts[:-1]:
        return False
    at = len(parts) - 1 - parts[::-1].index("requests")
    return tuple(parts[at + 1 :]) in (("Session",), ("sessions", "Session"))


class UnittestMockPatches(Rule):
    """unittest.mock patches of requests' functions -> of ``httpx.AsyncClient``."""

    def _um_call(self, original: cst.Call, updated: cst.Call) -> cst.Call | None:
        """``mock.patch("requests.get", ...)`` / ``patch.object(requests, "get", ...)``
        as the httpx patch; None when the call is no such patch."""
        func = dotted_name(original.func) or ""
        positional = [a for a in original.args if a.keyword is None and not a.star]
        named = string_value(positional[0].value) if positional else None
        if (func in PATCH or func in MONKEYPATCH) and named is not None:
            target, new_at = named, 1
        elif (func in PATCH_OBJECT or func in MONKEYPATCH) and len(positional) >= 2:
            owner = dotted_name(positional[0].value) or ""
            name = string_value(positional[1].value)
            target = f"{owner}.{name}" if name is not None else ""
            new_at = 2
        else:
            return None
        # Spelt through the code under test: ``"ovh.client.Session.request"``.
        target = self.ctx.edits.requests_patches.get(target, target)
        if patches_session_class(target):
            return self._session_class(original, updated, func, new_at)
        if target.endswith(".requests"):  # the module, as the code under test names it
            return self._module(original, updated, new_at)
        by_name = new_at == 1
        # ``patch.object(requests, "get")``, or through the module the code named it in
        # (``monkeypatch.setattr(lookup.requests, "get", fake)``).
        through = target.split(".")[0] == "requests" or ".requests." in target
        found = patched_verb(target) if through or by_name else None
        if found is None:
            return None
        verb, method = found
        http = self.ctx.options.http_module
        self.ctx.maybe_remove_import("requests")
        mock = func.rpartition(".")[0].removesuffix(".patch").removesuffix("patch") or ""
        if func in MONKEYPATCH:
            mock = ""  # AsyncMock comes from unittest.mock
        args = list(updated.args)
        if by_name:
            # A dotted string names httpx: the test needs no import of it.
            quote = cst.ensure_type(args[0].value, cst.SimpleString).quote
            args[0] = args[0].with_changes(
                value=cst.SimpleString(f"{quote}{http}.AsyncClient.{verb}{quote}")
            )
        else:
            self.ctx.add_import(http)
            args[0] = args[0].with_changes(value=cst.parse_expression(f"{http}.AsyncClient"))
        keywords = {a.keyword.value for a in args if a.keyword is not None}
        fake_at = next(
            (i for i, a in enumerate(args) if a.keyword is not None and a.keyword.value == "new"),
            new_at if len(positional) > new_at else None,
        )
        line = self.ctx.line(original)
        if fake_at is not None:
            if verb in SESSION_ONLY:
                self.ctx.todo(
                    line, self.code, "the fake gets an httpx.Request (its url an httpx.URL)"
                )
            fake = args[fake_at].value
            if method:
                # A function set on Session got the session as self: it gets the client.
                helper = cst.Name(self.ctx.use_helper(ASYNC_METHOD))
                args[fake_at] = args[fake_at].with_changes(value=cst.Call(helper, [cst.Arg(fake)]))
            else:
                wrapped = cst.parse_expression(
                    f"{self._mock_name(mock, 'AsyncMock')}(side_effect=_)"
                )
                assert isinstance(wrapped, cst.Call)
                args[fake_at] = args[fake_at].with_changes(
                    value=wrapped.with_changes(args=[wrapped.args[0].with_changes(value=fake)])
                )
        else:
            made_by = next((i for i, a in enumerate(args) if is_keyword(a, "new_callable")), None)
            if made_by is not None and _sync_mock(args[made_by].value):
                # ``new_callable=MagicMock`` made a mock the code could not await.
                async_mock = _renamed(args[made_by].value, "AsyncMock")
                if isinstance(async_mock, cst.Attribute):
                    mock = code_of(async_mock.value)  # its answer spelled the same way
                else:
                    self.ctx.add_import("unittest.mock", "AsyncMock")
                args[made_by] = args[made_by].with_changes(value=async_mock)
                keywords.discard("new_callable")
            specced = next((i for i, a in enumerate(args) if is_keyword(a, "autospec")), None)
            if specced is not None and not method:
                # ``requests.get`` took no self; an autospec of the client's method
                # would record one, and the test's call checks would miss it.
                del args[specced]
                args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                keywords.discard("autospec")
            # ``autospec=True`` on an async method makes an async mock whose answer's
            # methods are async too (``resp.json()`` a coroutine): it answers a plain mock.
            if not keywords & {"new_callable", "return_value", "side_effect", "spec"}:
                answer = cst.parse_expression(f"{self._mock_name(mock, 'MagicMock')}()")
                args.append(keyword_arg("return_value", answer))
                if len(args) > 1:
                    args[-2] = args[-2].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        self.ctx.note(self.code, line, f"{code_of(original.func)} of requests -> of {http}")
        return updated.with_changes(args=args)

    def _session_class(
        self, original: cst.Call, updated: cst.Call, func: str, new_at: int
    ) -> cst.Call:
        """``patch("api.requests.Session")`` -> ``patch("api.httpx.AsyncClient",
        return_value=async_client_mock())``: its client's request methods are awaited."""
        http = self.ctx.options.http_module
        self.ctx.add_import(http)
        self.ctx.maybe_remove_import("requests")
        args = list(updated.args)
        if new_at == 1:  # the dotted name, as a string
            string = cst.ensure_type(args[0].value, cst.SimpleString)
            head = string.raw_value.rpartition("requests.")[0]
            new = f"{string.quote}{head}{http}.AsyncClient{string.quote}"
            args[0] = args[0].with_changes(value=cst.SimpleString(new))
        else:
            owner = code_of(args[0].value).rpartition("requests")[0]
            args[0] = args[0].with_changes(value=cst.parse_expression(f"{owner}{http}"))
            args[1] = args[1].with_changes(value=cst.SimpleString('"AsyncClient"'))
        line = self.ctx.line(original)
        keywords = {a.keyword.value for a in args if a.keyword is not None}
        positional = [a for a in args if a.keyword is None and not a.star]
        if (
            keywords & {"new", "new_callable", "return_value", "spec", "spec_set", "autospec"}
            or len(positional) > new_at
        ):
            self.ctx.todo(
                line, self.code, "the fake stands for httpx.AsyncClient: its methods are awaited"
            )
        else:
            args = [*args[:-1], args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
            client = cst.Call(cst.Name(self.ctx.use_helper(CLIENT_MOCK)))
            args.append(keyword_arg("return_value", client))
        self.ctx.note(
            self.code,
            line,
            f"{code_of(original.func)} of requests.Session -> of {http}.AsyncClient",
        )
        return updated.with_changes(args=args)

    def _module(self, original: cst.Call, updated: cst.Call, new_at: int) -> cst.Call:
        """``patch("app.api.requests")`` -> ``patch("app.api.httpx",
        new_callable=httpx_module_mock)``: the module the code sends through now, whose
        clients answer through the mock's ``get``, ``post``... as requests' did."""
        http = self.ctx.options.http_module
        args = list(updated.args)
        string = cst.ensure_type(args[new_at - 1].value, cst.SimpleString)
        head = string.raw_value.removesuffix("requests")
        named = f"{string.quote}{head}{http}{string.quote}"
        args[new_at - 1] = args[new_at - 1].with_changes(value=cst.SimpleString(named))
        line = self.ctx.line(original)
        keywords = {a.keyword.value for a in args if a.keyword is not None}
        positional = [a for a in args if a.keyword is None and not a.star]
        if keywords & {"new", "new_callable", "spec", "spec_set", "autospec"} or (
            len(positional) > new_at
        ):
            self.ctx.todo(line, self.code, f"the fake stands for the {http} module now")
        else:
            args = [*args[:-1], args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
            helper = cst.Name(self.ctx.use_helper(MODULE_MOCK))
            args.append(keyword_arg("new_callable", helper))
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, f"{code_of(original.func)} of requests -> of {http}")
        return updated.with_changes(args=args)

    def _mock_name(self, module: str, name: str) -> str:
        """``mock.AsyncMock`` where the file says ``mock.patch``, else the imported name."""
        if module:
            return f"{module}.{name}"
        self.ctx.add_import("unittest.mock", name)
        return name
