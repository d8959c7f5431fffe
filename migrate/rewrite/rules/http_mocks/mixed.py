"""Requests mocks kept in a mixed test file, the part of MIG008 http-mocks for
files that reach code moving to httpx and code keeping requests.

Such a file's ``responses`` / requests-mock mocks stay (the code still on
requests needs them), and the file gains one autouse fixture under which respx
hands every httpx request to them::

    @pytest.fixture(autouse=True)
    def httpx_answered_as_requests():
        \"\"\"shop.weather sends through httpx now, shop.partner through requests: ...\"\"\"
        with respx.mock(assert_all_called=False) as router:
            router.route().mock(side_effect=through_requests)
            yield

So each registration answers both libraries with the same response, and
``responses.calls``, ``m.call_count`` and ``request_history`` count the
requests of both, in the order they were sent, with no assertion rewritten.
The helpers module's ``through_requests`` sends nothing itself: with no
requests mock active (a ``unittest.mock`` patch of ``requests.get`` only
catches that function's calls) it fails as an unreachable host does, so an
httpx request is answered by a mock or fails, never reaches the network. The
plan's review item says which, for each mixed file.

Two more things keep the requests mocks working once tests become async:
``@requests_mock.Mocker()`` on a test (or a TestCase) whose test became async
becomes ``with requests_mock.Mocker() as m:`` around its body, since the
decorator stops its mocker as soon as the call returns the coroutine; and
:mod:`.mixed_patches` gives ``unittest.mock`` patches of requests httpx twins.
When a later step moves the rest of the code, the mocks move to respx and
the fixture goes. A file whose code all moves but which uses ``responses`` in a
way respx has no twin for (plan/responses_uses.py) is kept so too, whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import libcst as cst
import libcst.matchers as m

from ....plan.mock_scope import Mixed
from ...context import TODO_CONTINUED, TODO_PREFIX, Note, todo_comment
from ..base import on_leave
from .mixed_patches import MixedPatchTwins, is_docstring, requests_patch
from .mocker_handed import TEST_PREFIX, is_mocker_call, kwargs_items, mocker_handed, without_mocker

FIXTURE = "httpx_answered_as_requests"


class MixedMocks(MixedPatchTwins):
    """Mixed test files: requests mocks stay and answer httpx's requests through respx."""

    def _without_fixture(self, module: cst.Module) -> cst.Module:
        """A file mixed in an earlier step whose mocks all move now: the fixture goes,
        as nothing is left on requests to answer httpx's requests."""
        body = list(module.body)
        index = next((i for i, s in enumerate(body) if _is_our_fixture(s)), None)
        if index is None:
            return self._without_hooks(module)
        stmt = body[index]
        # Its TODOs go with it, the lines a long one was continued on too.
        kept: list[cst.EmptyLine] = []
        ours = False
        for line in stmt.leading_lines:
            comment = line.comment.value if line.comment is not None else ""
            ours = comment.startswith(f"{TODO_PREFIX}{self.code})") or (
                ours and comment.startswith(TODO_CONTINUED)
            )
            if not ours:
                kept.append(line)
        del body[index]
        if index < len(body):
            body[index] = body[index].with_changes(leading_lines=kept)
        self.ctx.maybe_remove_import(self.ctx.helpers_from.lstrip("."), "through_requests")
        self.ctx.maybe_remove_import("pytest")
        self.ctx.maybe_remove_import("respx")
        self.ctx.note(self.code, 1, "all mocks moved to respx: the mixed-file fixture goes")
        return module.with_changes(body=body)

    def _without_hooks(self, module: cst.Module) -> cst.Module:
        """The router a unittest-style file started in ``setUpModule`` goes, and so do
        the hooks made for it alone."""
        router = f"_{FIXTURE}"
        code = cst.Module([]).code_for_node
        body: list[cst.SimpleStatementLine | cst.BaseCompoundStatement] = []
        for stmt in module.body:
            text = code(stmt)
            if isinstance(stmt, cst.SimpleStatementLine) and text.strip().startswith(router):
                continue
            if isinstance(stmt, cst.FunctionDef) and router in text:
                assert isinstance(stmt.body, cst.IndentedBlock)
                kept = [s for s in stmt.body.body if router not in code(s) and not is_docstring(s)]
                if not kept:
                    continue  # made for the router alone
                left = [s for s in stmt.body.body if router not in code(s)]
                stmt = stmt.with_changes(body=stmt.body.with_changes(body=left))
            body.append(stmt)
        if len(body) == len(module.body) and all(a is b for a, b in zip(body, module.body)):
            return module
        self.ctx.maybe_remove_import(self.ctx.helpers_from.lstrip("."), "through_requests")
        self.ctx.maybe_remove_import("respx")
        self.ctx.note(self.code, 1, "all mocks moved to respx: the mixed-file hooks go")
        return module.with_changes(body=body)

    @on_leave(cst.ClassDef)
    def mocker_per_test(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """``@requests_mock.Mocker()`` on a TestCase with tests made async: it wraps each
        test in a function that returns the coroutine unrun. Each async test gets the
        mocker around its body, each sync one the decorator of its own."""
        if self.ctx.edits.mixed_mocks is None or self.ctx.edits.http_mocks:
            return updated
        found = [
            (i, d.decorator)
            for i, d in enumerate(updated.decorators)
            if isinstance(d.decorator, cst.Call) and is_mocker_call(d.decorator)
        ]
        if not found or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        index, call = found[0]
        tests = [
            s
            for s in updated.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value.startswith(TEST_PREFIX)
        ]
        if not any(t.asynchronous is not None for t in tests):
            return updated
        body = []
        for stmt in updated.body.body:
            if isinstance(stmt, cst.FunctionDef) and stmt in tests:
                if stmt.asynchronous is not None:
                    outer = [d.decorator for d in updated.decorators]
                    stmt = self._mocker_block(stmt, None, outer)
                else:
                    # Around the test's own decorators, as the class's wrapped them.
                    stmt = stmt.with_changes(decorators=[cst.Decorator(call), *stmt.decorators])
            body.append(stmt)
        return updated.with_changes(
            decorators=[*updated.decorators[:index], *updated.decorators[index + 1 :]],
            body=updated.body.with_changes(body=body),
        )

    @on_leave(cst.FunctionDef)
    def mocker_around_the_body(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        """``@requests_mock.Mocker()`` on a test that became async -> ``with
        requests_mock.Mocker() as m:`` around its body: the decorator stops its mocker
        when the call returns the coroutine, before the test runs, and requests would
        reach the network."""
        if self.ctx.edits.mixed_mocks is None or self.ctx.edits.http_mocks:
            return updated
        qualname = self.ctx.qualname
        if qualname not in self.ctx.edits.async_functions | set(self.ctx.edits.async_tests):
            return updated
        for index, decorator in enumerate(updated.decorators):
            call = decorator.decorator
            if isinstance(call, cst.Call) and is_mocker_call(call):
                return self._mocker_block(updated, index, [])
        return updated

    def _mocker_block(
        self, node: cst.FunctionDef, index: int | None, outer: list[cst.BaseExpression]
    ) -> cst.FunctionDef:
        """The mocker of the ``Mocker`` decorator at ``index`` (or of the class, whose
        decorators are ``outer``) around the body."""
        handed = mocker_handed(node, [*outer, *(d.decorator for d in node.decorators)])
        if handed is None or not handed.found or not isinstance(node.body, cst.IndentedBlock):
            self.ctx.todo(
                self.ctx.line(node), self.code, "requests_mock.Mocker() does not mock async tests"
            )
            return node
        call = handed.call
        kwargs_read = False
        if handed.param is not None:
            name = handed.param
        else:
            # ``kwargs["mock"]`` is the ``with`` block's mocker, by a name the test leaves free.
            items, kwargs_read = kwargs_items(node, handed)
            taken = {cst.ensure_type(n, cst.Name).value for n in m.findall(node, m.Name())}
            name = next(n for n in ("m", handed.key or "", "requests_mocker") if n not in taken)
            suite = cst.ensure_type(node.body.visit(_Named(set(items), name)), cst.IndentedBlock)
            node = node.with_changes(body=suite)
        args = [a for a in call.args if a.keyword is None or a.keyword.value != "kw"]
        if args:
            args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        body = list(cst.ensure_type(node.body, cst.IndentedBlock).body)
        docstring = body[:1] if body and is_docstring(body[0]) else []
        block = cst.With(
            items=[
                cst.WithItem(
                    call.with_changes(args=args),
                    asname=cst.AsName(cst.Name(name)),
                )
            ],
            body=cst.IndentedBlock(body[len(docstring) :]),
        )
        params = without_mocker(node.params, handed, kwargs_read)
        self.ctx.note(
            self.code, self.ctx.line(node), "async test: requests_mock.Mocker() around its body"
        )
        decorators = list(node.decorators)
        if index is not None:
            del decorators[index]
        return node.with_changes(
            decorators=decorators,
            params=params,
            body=node.body.with_changes(body=[*docstring, block]),
        )

    @on_leave(cst.Module)
    def leave_mixed_module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        if self.ctx.edits.http_mocks:
            return self._without_fixture(updated)
        mixed = self.ctx.edits.mixed_mocks
        if mixed is None:
            return updated
        body = list(updated.body)
        if any(isinstance(s, cst.FunctionDef) and s.name.value == FIXTURE for s in body):
            return updated
        first = next(
            (i for i, s in enumerate(body) if isinstance(s, cst.FunctionDef | cst.ClassDef)),
            len(body),
        )
        unittest_style = _unittest_style(original)
        if not unittest_style:
            self.ctx.add_import("pytest")
        self.ctx.add_import("respx")
        helper = self.ctx.use_helper("through_requests")
        before = body[first].leading_lines if first < len(body) else (cst.EmptyLine(),) * 2
        line = self.ctx.line(original.body[first]) if first < len(original.body) else 1
        patches = sum(
            1
            for call in m.findall(original, m.Call())
            if requests_patch(cst.ensure_type(call, cst.Call), self.ctx.edits.requests_patches)
        )
        twinned = patches > 0 and self.twins >= patches
        doc = _docstring(mixed, twinned)
        if mixed.patched_only and not twinned:
            message = f"patch the httpx calls of {', '.join(mixed.moving)} too"
            detail = (
                "this file's unittest.mock patches of requests catch only requests' calls;"
                " httpx's requests now fail to connect (they never reach the network)"
            )
            self.ctx.notes.append(Note(self.code, line, message, todo=True, detail=detail))
            comment = cst.EmptyLine(comment=cst.Comment(todo_comment(self.code, message)))
            before = (*before, comment)
        else:
            self.ctx.note(self.code, line, "requests mocks stay; respx hands them httpx's requests")
        if unittest_style:
            made, body = _module_hooks(doc, helper, body)
        else:
            made = [cst.parse_statement(_fixture(doc, helper))]
        made[0] = made[0].with_changes(leading_lines=before)
        if first < len(body):
            body[first] = body[first].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
        body[first:first] = made
        return updated.with_changes(body=body)


def _unittest_style(module: cst.Module) -> bool:
    """Tests only in ``unittest.TestCase`` classes, no pytest: the file may be run by
    ``python -m unittest``, which knows no fixtures."""
    code = module.code
    if "pytest" in code:
        return False
    tests = [
        s for s in module.body if isinstance(s, cst.FunctionDef) and s.name.value.startswith("test")
    ]
    cases = [
        s
        for s in module.body
        if isinstance(s, cst.ClassDef)
        and any(cst.Module([]).code_for_node(b.value).endswith("TestCase") for b in s.bases)
    ]
    return bool(cases) and not tests


def _is_our_fixture(stmt: cst.BaseStatement) -> bool:
    """The fixture this rule writes, by its name and its route to ``through_requests``."""
    return (
        isinstance(stmt, cst.FunctionDef)
        and stmt.name.value == FIXTURE
        and "through_requests" in cst.Module([]).code_for_node(stmt.body)
    )


def _module_hooks(
    doc: str, helper: str, body: Sequence[cst.SimpleStatementLine | cst.BaseCompoundStatement]
) -> tuple[
    list[cst.SimpleStatementLine | cst.BaseCompoundStatement],
    list[cst.SimpleStatementLine | cst.BaseCompoundStatement],
]:
    """The router started by ``setUpModule`` and stopped by ``tearDownModule`` (which
    pytest runs too), for a file ``python -m unittest`` may run; hooks the file has
    already start and stop it first and last. The statements to add, and the body."""
    router = f"_{FIXTURE}"
    made: list[cst.SimpleStatementLine | cst.BaseCompoundStatement] = [
        cst.parse_statement(f"{router} = respx.mock(assert_all_called=False)\n"),
        cst.parse_statement(f"{router}.route().mock(side_effect={helper})\n"),
    ]
    calls = {"setUpModule": f"{router}.start()", "tearDownModule": f"{router}.stop()"}
    body = list(body)
    for hook, call in calls.items():
        index = next(
            (
                i
                for i, stmt in enumerate(body)
                if isinstance(stmt, cst.FunctionDef) and stmt.name.value == hook
            ),
            None,
        )
        line = cst.parse_statement(call + "\n")
        if index is None:
            said = textwrap.fill(
                doc + '"""', width=84, initial_indent='    """', subsequent_indent="    "
            )
            text = f"def {hook}():\n" + (f"{said}\n" if hook == "setUpModule" else "")
            function = cst.parse_statement(f"{text}    {call}\n")
            made.append(function.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()]))
            continue
        existing = body[index]
        assert isinstance(existing, cst.FunctionDef)
        assert isinstance(existing.body, cst.IndentedBlock)
        statements = list(existing.body.body)
        if hook == "setUpModule":
            statements.insert(1 if statements and is_docstring(statements[0]) else 0, line)
        else:
            statements.append(line)
        body[index] = existing.with_changes(body=existing.body.with_changes(body=statements))
    return made, body


class _Named(cst.CSTTransformer):
    """The ``kwargs["mock"]`` items of a body as one name."""

    def __init__(self, items: set[cst.Subscript], name: str) -> None:
        self.items = items
        self.name = name

    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.Subscript
    ) -> cst.BaseExpression:
        return cst.Name(self.name) if original in self.items else updated


def _docstring(mixed: Mixed, twinned: bool) -> str:
    keeping, moving = ", ".join(mixed.keeping), ", ".join(mixed.moving)
    verb = "sends" if len(mixed.moving) == 1 else "send"
    if mixed.held:
        return (
            f"{moving} {verb} through httpx now, but this file's requests mocks stay whole"
            f" ({mixed.held}): respx hands httpx's requests to them, and they answer and"
            " record them as before."
        )
    sides = f"{moving} {verb} through httpx now, {keeping} still through requests:"
    if mixed.patched_only and twinned:
        said = (
            f"{sides} this file's unittest.mock patches of requests have httpx twins, and"
            " respx fails any other httpx request before it reaches the network."
        )
    elif mixed.patched_only:
        said = (
            f"{sides} this file's unittest.mock patches catch only requests' calls, so"
            " respx fails httpx's requests before they reach the network."
        )
    else:
        said = (
            f"{sides} respx hands httpx's requests to this file's requests mocks, which"
            " answer and record both as before."
        )
    return said


def _fixture(said: str, helper: str) -> str:
    doc = textwrap.fill(said + '"""', width=84, initial_indent='    """', subsequent_indent="    ")
    return (
        "@pytest.fixture(autouse=True)\n"
        f"def {FIXTURE}():\n"
        f"{doc}\n"
        "    with respx.mock(assert_all_called=False) as router:\n"
        f"        router.route().mock(side_effect={helper})\n"
        "        yield\n"
    )
