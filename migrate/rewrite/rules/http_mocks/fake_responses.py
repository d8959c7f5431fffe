"""Mocks standing in for a requests Response -> the names httpx's Response has,
a part of MIG008 http-mocks.

A test that patches requests often answers with a plain mock configured as a
response (``resp = Mock(); resp.status_code = 500; resp.ok = False;
resp.reason = "Server Error"``). Once the code reads httpx's names (``not
r.ok`` is ``r.is_error``, ``r.reason`` is ``r.reason_phrase``), what the test
set under requests' names would go unread, and the mock's own attribute
(truthy) would answer instead: ``ok = v`` becomes ``is_error = not v`` and
``reason = v`` becomes ``reason_phrase = v``, set by assignment or given to
the mock's constructor. A mock counts as a response when the test gives it
a ``status_code``; nothing else about it changes. What a patch of requests
hands the test (``@mock.patch("requests.get")`` on the test or its class,
``with mock.patch("requests.get") as get:``) answers with a response, so
``get.return_value.ok = v`` becomes ``get.return_value.is_error = not v``
and ``get.return_value.reason = v`` ``get.return_value.reason_phrase = v``.
A response mock the test leaves ``ok`` unset on is told ``is_error`` as the
legacy mock meant it (:mod:`.answer_errors`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import libcst as cst
import libcst.matchers as m

from ...context import RuleContext
from ...nodes import code_of, is_keyword
from ..base import Rule, StatementResult, on_leave, on_visit
from .answer_errors import Answers, error_line, is_mock, scan, told
from .call_assertions import (
    ASSERTING,
    bound_patches,
    expected_call,
    expected_calls,
    fixture_mocks,
    is_call_record,
    renamed_key,
)
from .mixed_patches import TEST_PREFIX, handed_mocks, hands_a_mock, requests_patch

# requests' Response attribute -> httpx's, for those whose value carries over.
RENAMED = {"reason": "reason_phrase"}
# A comparison's operator -> the one that holds when it does not.
INVERSE: dict[type[cst.BaseCompOp], Callable[[], cst.BaseCompOp]] = {
    cst.LessThan: cst.GreaterThanEqual,
    cst.GreaterThanEqual: cst.LessThan,
    cst.GreaterThan: cst.LessThanEqual,
    cst.LessThanEqual: cst.GreaterThan,
    cst.Equal: cst.NotEqual,
    cst.NotEqual: cst.Equal,
}


# What tells a test's own class stands in for a response, besides ``status_code``.
RESPONSE_SIGNS = frozenset({"json", "raise_for_status", "text", "content", "ok"})
# What such a class is given, and the name it needs to have for that.
ADDED = {
    "is_error": "@property\ndef is_error(self):\n    return self.status_code >= 400\n",
    "reason_phrase": "@property\ndef reason_phrase(self):\n    return self.reason\n",
}
# Each where the code reads it now: the guard of ``raise_for_status()``, ``not r.ok``.
ADDED_FOR = {"is_error": {"raise_for_status", "ok"}, "reason_phrase": {"reason"}}


def _given_names(node: cst.ClassDef) -> set[str]:
    """What a class gives its instances: its body's names, and ``self.x = ...``."""
    names: set[str] = set()
    for stmt in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
        if isinstance(stmt, cst.FunctionDef):
            names.add(stmt.name.value)
    for target in m.findall(node, m.AssignTarget() | m.AnnAssign()):
        assigned = target.target  # type: ignore[attr-defined]
        if isinstance(assigned, cst.Name):
            names.add(assigned.value)
        elif m.matches(assigned, m.Attribute(value=m.Name("self"))):
            names.add(cst.ensure_type(assigned, cst.Attribute).attr.value)
    return names


def _names_mocks(function: cst.FunctionDef) -> set[str]:
    """Names bound to a mock in ``function`` (not in functions inside it) that
    are given a ``status_code``, by assignment or by the constructor."""
    made: set[str] = set()
    answered: set[str] = set()

    class Scan(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_Assign(self, node: cst.Assign) -> None:
            for target in node.targets:
                name = target.target
                if isinstance(name, cst.Name) and is_mock(node.value):
                    made.add(name.value)
                    call = node.value
                    assert isinstance(call, cst.Call)
                    if any(a.keyword and a.keyword.value == "status_code" for a in call.args):
                        answered.add(name.value)
                elif (
                    isinstance(name, cst.Attribute)
                    and name.attr.value == "status_code"
                    and isinstance(name.value, cst.Name)
                ):
                    answered.add(name.value.value)

    function.visit(Scan())
    return made & answered


def _not(value: cst.BaseExpression) -> cst.BaseExpression:
    """What is true when ``value`` is not: a flipped literal or comparison, or ``not``."""
    if isinstance(value, cst.Name) and value.value in ("True", "False"):
        return cst.Name("False" if value.value == "True" else "True")
    if (
        isinstance(value, cst.Comparison)
        and len(value.comparisons) == 1
        and type(value.comparisons[0].operator) in INVERSE
        and not value.lpar
    ):
        target = value.comparisons[0]
        operator = INVERSE[type(target.operator)]()
        return value.with_changes(comparisons=[target.with_changes(operator=operator)])
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not):
        return value.expression
    return cst.UnaryOperation(operator=cst.Not(), expression=value)


class FakeResponses(Rule):
    """Response stand-ins of one test function; :class:`HttpMocks` calls it."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self._fake_frames: list[set[str]] = []
        # Attributes of those mocks assigned to (original nodes).
        self._fake_targets: set[cst.BaseAssignTargetExpression] = set()
        # Per function: the mocks patches of requests hand it, which answer responses.
        self._answer_frames: list[set[str]] = []
        # A test method (by the id of its node) -> the patches its class hands it.
        self._patching_class: dict[int, tuple[cst.BaseExpression, ...]] = {}
        # A method (by the id of its node) -> the mocks its class's methods start from
        # patches of requests and keep (``self.get = patcher.start()`` in setUp).
        self._started: dict[int, set[str]] = {}
        # Per function: its response mocks, told ``is_error`` (see answer_errors).
        self._error_frames: list[Answers] = []
        # Per function where the mocks move: the patches' mocks, by the verb each
        # stands for (see call_assertions).
        self._call_frames: list[dict[str, str]] = []
        # The module's fixtures handing on such a mock, by the verb it stands for.
        self._fixture_mocks: dict[str, str] = {}

    @on_visit(cst.ClassDef)
    def note_patching_class(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            methods = [s for s in node.body.body if isinstance(s, cst.FunctionDef)]
            started = _started_mocks(methods, self.ctx.edits.requests_patches)
            self._started.update((id(method), started) for method in methods)
        calls = tuple(d.decorator for d in node.decorators if hands_a_mock(d.decorator))
        if calls and isinstance(node.body, cst.IndentedBlock):
            for stmt in node.body.body:
                if isinstance(stmt, cst.FunctionDef) and stmt.name.value.startswith(TEST_PREFIX):
                    self._patching_class[id(stmt)] = calls

    @on_leave(cst.ClassDef)
    def leave_response_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """A test's own response class (``FakeResponse`` with a ``status_code`` and
        ``json()``) gets what the code reads of httpx's now: ``is_error`` (the
        guard before ``raise_for_status()``) and ``reason_phrase`` for ``reason``."""
        if not self.ctx.edits.http_mocks or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        given = _given_names(original)
        if "status_code" not in given or not given & RESPONSE_SIGNS:
            return updated
        added = [ADDED[name] for name in ADDED if name not in given and ADDED_FOR[name] & given]
        if not added:
            return updated
        self.ctx.note(self.code, self.ctx.line(original), "response stand-in: httpx's names")
        methods = [
            cst.ensure_type(cst.parse_statement(code), cst.FunctionDef).with_changes(
                leading_lines=[cst.EmptyLine(indent=False)]
            )
            for code in added
        ]
        body = [*updated.body.body, *methods]
        return updated.with_changes(body=updated.body.with_changes(body=body))

    @on_visit(cst.Module)
    def note_fixture_mocks(self, node: cst.Module) -> None:
        patched = self.ctx.edits.requests_patches
        self._fixture_mocks = fixture_mocks(node, patched) if self.ctx.edits.http_mocks else {}

    @on_visit(cst.FunctionDef)
    def enter_fake_responses(self, node: cst.FunctionDef) -> None:
        moving = bool(self.ctx.edits.http_mocks)
        answering = moving or self.ctx.edits.mixed_mocks is not None
        fakes = _names_mocks(node) if moving else set()
        patches = self._patched_answers(node) if answering else {}
        started = self._started.get(id(node), set())
        handed = set(patches.values()) | started
        self._fake_frames.append(fakes)
        self._answer_frames.append(handed)
        names = self.ctx.edits.requests_patches
        answers = scan(node, handed, fakes, patches, names) if moving else Answers()
        # Their answers were told ``is_error`` where the patch was made (setUp's).
        answers.defaulted.update(f"{name}.return_value" for name in started)
        self._error_frames.append(answers)
        verbs = {name: requests_patch(call, names) for call, name in patches.items()}
        mocks = {name: found[0] for name, found in verbs.items() if found and moving}
        for param in node.params.params:
            if param.name.value in self._fixture_mocks:
                mocks.setdefault(param.name.value, self._fixture_mocks[param.name.value])
        self._call_frames.append(mocks)

    @on_leave(cst.FunctionDef)
    def leave_fake_responses(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self._fake_frames.pop()
        self._answer_frames.pop()
        self._error_frames.pop()
        self._call_frames.pop()
        return updated

    def _call_mocks(self) -> dict[str, str]:
        """The current function's moved patches' mocks, by verb (see call_assertions)."""
        return self._call_frames[-1] if self._call_frames else {}

    def _asserted_call(self, updated: cst.Call) -> cst.Call:
        """``get.assert_called_with(...)`` and ``get.assert_has_calls([call(...)])`` on
        a moved patch's mock, in httpx's words (see call_assertions)."""
        mocks = self._call_mocks()
        func = updated.func
        if not mocks or not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name):
            return updated
        verb = mocks.get(func.value.value)
        if verb is None:
            return updated
        if func.attr.value in ASSERTING:
            return expected_call(updated, verb)
        if func.attr.value == "assert_has_calls" and updated.args:
            first = updated.args[0]
            return updated.with_changes(
                args=[
                    first.with_changes(value=expected_calls(first.value, verb)),
                    *updated.args[1:],
                ]
            )
        return updated

    @on_leave(cst.Comparison)
    def compared_calls(self, original: cst.Comparison, updated: cst.Comparison) -> cst.Comparison:
        """``get.call_args == call(...)``, ``get.call_args_list == [call(...)]``."""
        mocks = self._call_mocks()
        verb = is_call_record(updated.left, mocks) if mocks else None
        if verb is None:
            return updated
        targets = [
            c.with_changes(comparator=expected_calls(c.comparator, verb))
            for c in updated.comparisons
        ]
        return updated.with_changes(comparisons=targets)

    @on_leave(cst.Subscript)
    def recorded_keyword(self, original: cst.Subscript, updated: cst.Subscript) -> cst.Subscript:
        """``get.call_args.kwargs["allow_redirects"]`` -> ``["follow_redirects"]``."""
        mocks = self._call_mocks()
        return renamed_key(updated, mocks) if mocks else updated

    def _patched_answers(self, function: cst.FunctionDef) -> dict[cst.BaseExpression, str]:
        """The mocks patches of requests' functions hand ``function``, by patch: its
        decorators' and its class's parameters, its ``with`` items' names, and the
        names it binds them to (``get = mocker.patch("requests.get")``)."""
        class_calls = self._patching_class.get(id(function), ())
        handed = handed_mocks(function, class_calls) or []
        patched = self.ctx.edits.requests_patches
        names = {call: name for call, name in handed if requests_patch(call, patched)}
        names.update(
            (call, name) for call, (name, _) in bound_patches(function.body, patched).items()
        )
        return names

    @on_visit(cst.Assign)
    def note_fake_response_targets(self, node: cst.Assign) -> None:
        if self._fake_frames and self._fake_frames[-1]:
            self._fake_targets.update(t.target for t in node.targets)

    def _fake_response_attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression | None:
        """A read of ``resp.ok`` -> ``not resp.is_error``; ``resp.reason`` ->
        ``resp.reason_phrase``, read or set (``ok = v`` is set in the assignment)."""
        if not (
            self._fake_frames
            and isinstance(original.value, cst.Name)
            and original.value.value in self._fake_frames[-1]
        ):
            return None
        attr = original.attr.value
        if attr in RENAMED:
            return updated.with_changes(attr=cst.Name(RENAMED[attr]))
        if attr == "ok" and original not in self._fake_targets:
            return self.ctx.negation(updated.with_changes(attr=cst.Name("is_error")))
        return None

    @on_leave(cst.Assign)
    def fake_response_ok(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        """``resp.ok = v`` -> ``resp.is_error = not v``; on the answer of a patch of
        requests (``get.return_value.ok = v``) too, and its ``reason`` renamed."""
        if not self._fake_frames or len(updated.targets) != 1:
            return updated
        target = updated.targets[0].target
        answer = self._patched_answer_attribute(original.targets[0].target)
        if not self.ctx.edits.http_mocks:
            answer = None  # a mixed file's answer stays requests', with a twin line
        if answer in RENAMED and isinstance(target, cst.Attribute):
            renamed = target.with_changes(attr=cst.Name(RENAMED[answer]))
            return updated.with_changes(targets=[updated.targets[0].with_changes(target=renamed)])
        # ``resp.ok = v`` on a response's mock; not ``requests.codes.ok = 200``.
        owner = target.value if isinstance(target, cst.Attribute) else None
        fake = isinstance(owner, cst.Name) and owner.value in self._fake_frames[-1]
        if (
            isinstance(target, cst.Attribute)
            and target.attr.value == "ok"
            and (fake or answer == "ok")
        ):
            is_error = target.with_changes(attr=cst.Name("is_error"))
            return updated.with_changes(
                targets=[updated.targets[0].with_changes(target=is_error)],
                value=_not(updated.value),
            )
        return updated

    @on_leave(cst.SimpleStatementLine)
    def answer_twin_line(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        """In a mixed file a patch's answer reaches requests' code and httpx's (through
        the patch's twin): ``get.return_value.ok = v`` is joined by
        ``get.return_value.is_error = not v``, ``.reason = v`` by ``.reason_phrase = v``.
        Where the mocks move, a status or an error set on a response mock is joined by
        its ``is_error`` (see answer_errors)."""
        if not isinstance(updated, cst.SimpleStatementLine):
            return updated  # wrapped by an earlier rule (``with`` around a gather)
        if self.ctx.edits.http_mocks:
            return self._error_line(updated)
        if self.ctx.edits.mixed_mocks is None:
            return updated
        assign = original.body[0] if len(original.body) == 1 else None
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return updated
        target = assign.targets[0].target
        answer = self._patched_answer_attribute(target)
        if answer not in ("ok", *RENAMED) or not isinstance(target, cst.Attribute):
            return updated
        if answer == "ok":
            name, value = "is_error", _not(assign.value)
        else:
            name, value = RENAMED[answer], assign.value
        twin = assign.with_changes(
            targets=[cst.AssignTarget(target.with_changes(attr=cst.Name(name)))], value=value
        )
        line = cst.SimpleStatementLine([twin], leading_lines=[])
        return cst.FlattenSentinel([updated, line])

    @on_leave(cst.IndentedBlock)
    def without_answer_twins(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """A file whose mocks all move now: the twin line a mixed step put after
        ``get.return_value.ok = v`` is the moved line again; it goes."""
        if not self.ctx.edits.http_mocks or not self._answer_frames or not self._answer_frames[-1]:
            return updated
        body: list[cst.BaseStatement] = []
        for stmt in updated.body:
            if (
                body
                and _answer_line(stmt)
                and cst.Module([]).code_for_node(stmt).strip()
                == cst.Module([]).code_for_node(body[-1]).strip()
            ):
                continue
            body.append(stmt)
        return updated if len(body) == len(updated.body) else updated.with_changes(body=body)

    def _error_line(self, updated: cst.SimpleStatementLine) -> StatementResult:
        """``resp.status_code = 503`` joined by ``resp.is_error = True``."""
        assign = updated.body[0] if len(updated.body) == 1 else None
        if not self._error_frames or not isinstance(assign, cst.Assign):
            return updated
        is_error = error_line(assign, self._error_frames[-1])
        if is_error is None:
            return updated
        line = cst.SimpleStatementLine([is_error], leading_lines=[])
        return cst.FlattenSentinel([updated, line])

    def _answered_patch(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """The ``MagicMock()`` a moved patch now answers (``return_value=`` added),
        told ``is_error`` as a response mock is."""
        if any(is_keyword(a, "return_value") for a in original.args):
            return updated
        at = next((i for i, a in enumerate(updated.args) if is_keyword(a, "return_value")), None)
        if at is None or not is_mock(updated.args[at].value):
            return updated
        answers = self._error_frames[-1] if self._error_frames else Answers()
        name = answers.patches.get(original)
        key = f"{name}.return_value" if name is not None else None
        answer = told(cst.ensure_type(updated.args[at].value, cst.Call), key, answers)
        args = list(updated.args)
        args[at] = args[at].with_changes(value=answer)
        return updated.with_changes(args=args)

    def _patched_answer_attribute(self, target: cst.BaseAssignTargetExpression) -> str | None:
        """``name`` of ``get.return_value.<name>``, ``get`` a mock a patch of requests
        handed the test; None for any other target."""
        if not (
            self._answer_frames
            and isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Attribute)
            and target.value.attr.value == "return_value"
            and isinstance(target.value.value, cst.Name)
            and target.value.value.value in self._answer_frames[-1]
        ):
            return None
        return target.attr.value

    def _fake_response_call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``Mock(status_code=500, ok=False, reason="x")`` -> httpx's names, and
        ``is_error`` told a mock made for a response (see answer_errors)."""
        if not self._fake_frames or not is_mock(updated):
            return updated
        keywords = {a.keyword.value for a in updated.args if a.keyword}
        answers = self._error_frames[-1] if self._error_frames else Answers()
        # ``Mock(ok=True)`` is a response's mock as surely as one given a status.
        if not keywords & {"status_code", "ok"} and original not in answers.made:
            return updated
        args = []
        for arg in updated.args:
            name = arg.keyword.value if arg.keyword else None
            if name == "ok":
                arg = arg.with_changes(keyword=cst.Name("is_error"), value=_not(arg.value))
            elif name in RENAMED:
                arg = arg.with_changes(keyword=cst.Name(RENAMED[name]))
            args.append(arg)
        updated = updated.with_changes(args=args)
        return told(updated, answers.made.get(original), answers)


def _answer_line(stmt: cst.BaseStatement) -> bool:
    """``get.return_value.is_error = ...`` / ``.reason_phrase = ...``: an answer's
    httpx name set on a line of its own."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return False
    assign = stmt.body[0]
    if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
        return False
    target = assign.targets[0].target
    return (
        isinstance(target, cst.Attribute)
        and target.attr.value in ("is_error", *RENAMED.values())
        and isinstance(target.value, cst.Attribute)
        and target.value.attr.value == "return_value"
    )


def _started_mocks(methods: list[cst.FunctionDef], patched: Mapping[str, str]) -> set[str]:
    """``self.get = patcher.start()`` with ``patcher = mock.patch("requests.get")``
    (or the patch started in place), in any of a class's methods: ``self.get``."""
    found: set[str] = set()
    for method in methods:
        local: set[str] = set()
        for node in m.findall(method.body, m.Assign(targets=[m.AssignTarget()])):
            assign = cst.ensure_type(node, cst.Assign)
            target, value = assign.targets[0].target, assign.value
            patch = requests_patch(value, patched)
            if isinstance(target, cst.Name) and patch is not None and not patch[1]:
                local.add(target.value)
            if not m.matches(value, m.Call(func=m.Attribute(attr=m.Name("start")))):
                continue
            begun = cst.ensure_type(cst.ensure_type(value, cst.Call).func, cst.Attribute).value
            patch = requests_patch(begun, patched)
            ours = (isinstance(begun, cst.Name) and begun.value in local) or (
                patch is not None and not patch[1]
            )
            if ours and m.matches(target, m.Attribute(value=m.Name("self"))):
                found.add(code_of(target))
    return found
