"""requests-mock -> respx, the half of MIG008 http-mocks for the ``requests-mock`` library.

* the ``requests_mock`` pytest fixture -> respx's ``respx_mock`` fixture;
  ``with requests_mock.Mocker() as m`` -> ``with respx.mock(assert_all_called=
  False) as m``; ``@requests_mock.Mocker()`` and its mocker argument ->
  ``@respx.mock`` and a ``respx_mock`` parameter (respx passes its router),
  on a class on each of its tests (:mod:`.mocker_handed` says where);
* ``m.get(url, json=.., status_code=.., text=.., content=.., headers=..)``
  (any verb, ``request``/``register_uri``) -> ``m.get(url).mock(return_value=
  httpx.Response(..))``; ``exc=`` -> ``side_effect=`` (requests' exception
  mapped to the one httpx raises); a list of responses -> ``side_effect=[..]``;
* call assertions: ``m.called`` / ``call_count`` / ``last_request`` /
  ``request_history`` -> ``m.calls.called`` / ``.calls.call_count`` /
  ``.calls.last.request`` / ``.calls[i].request`` (on a route the same
  without ``.calls`` for the counts); the request's ``.json()``, ``.text``,
  ``.body``, ``.qs``, ``.query``, ``.path``, ``.hostname`` ... -> their httpx
  forms.

A ``Mocker(case_sensitive=True)`` keeps the case of the recorded request's
path and query (requests-mock lowercases them by default, and so does the
rewrite). A body made by a callback (``json=answer``, ``text=lambda request,
context: ..``) is the helpers module's ``requests_mock_answer(json=answer,
..)``, which calls it per request with the request as requests-mock shows it
and a context whose status, headers and reason it may set.
Other attributes get a TODO. A file using ``additional_matcher=``, cookies,
raw bodies, a ``Mocker`` option respx has no twin for (``real_http=True``,
``json_encoder=``, ``adapter=``) or a mocker kept on an object keeps its
requests-mock mocks whole (plan/requests_mock_uses.py): respx hands them
httpx's requests. A ``Mocker`` option met here anyway (``session=``) gets a
TODO on a mocker that still moves to respx: left on requests-mock, it would
catch nothing once the code sends through httpx, and the requests would go to
the network.

The module is long because requests-mock objects are found by name, per
function (the fixture, ``with Mocker()``, a decorator's argument, matchers
and recorded requests), and each kind has its own respx spelling.
"""

from __future__ import annotations

import ast

import libcst as cst
import libcst.matchers as m

from ....analyse.catalogue import HTTP_VERBS, MOCK_RAISES
from ....analyse.frameworks import patch_injected
from ....plan.requests_mock_uses import MOCKER_OPTIONS
from ...context import RuleContext
from ...nodes import code_of, dotted_name, string_value
from ..base import Rule, on_leave, on_visit
from ..http_query import written_query
from .mocker_handed import (
    RESPX_PARAM,
    TEST_PREFIX,
    Handed,
    is_mocker_call,
    kwargs_items,
    mocker_handed,
    respx_signature,
)
from .registration_order import Registration, module_constants, registration, respx_order

RM_VERBS = (*HTTP_VERBS, "request", "register_uri")
# What a test may read of a mocker after its ``with`` block: respx forgets its calls
# there, so the block ends by keeping them (``m_calls = list(m.calls)``).
AFTER_BLOCK = {
    "called": "bool({})",
    "call_count": "len({})",
    "called_once": "len({}) == 1",
    "last_request": "{}[-1].request",
    "request_history": "[call.request for call in {}]",
}
# requests_mock.GET, .POST...: the methods as the module names them.
VERB_CONSTANTS = frozenset(verb.upper() for verb in HTTP_VERBS)
ANSWERS_IN_TURN = "answers_in_turn"
RM_ANSWER = "requests_mock_answer"
# Response options requests-mock calls when they are callbacks.
RM_BODIES = ("json", "text", "content")
# requests-mock response options -> httpx.Response keywords.
RM_RESPONSE = {"json": "json", "text": "text", "content": "content", "headers": "headers"}
# requests exception raised by a mock -> the httpx exception httpx raises in that case.
RM_RAISES = MOCK_RAISES
# The recorded request, requests-mock -> httpx. requests-mock lowercases the URL
# parts it splits out (case_sensitive=False, its default): so do these.
RM_REQUEST = {
    "url": "{r}.url",
    "method": "{r}.method",
    "headers": "{r}.headers",
    "body": "({r}.content or None)",  # requests-mock records None for no body
    "text": "{r}.content.decode()",
    "scheme": "{r}.url.scheme",
    "hostname": "{r}.url.host",
    "netloc": "{r}.url.netloc.decode().lower()",
    "path": "{r}.url.path.lower()",
    "query": "{r}.url.query.decode().lower()",
    "qs": "parse_qs({r}.url.query.decode().lower(), keep_blank_values=True)",
}
# Under ``Mocker(case_sensitive=True)`` nothing is lowercased.
RM_REQUEST_CASE_KEPT = {name: form.replace(".lower()", "") for name, form in RM_REQUEST.items()}
# What a ``Mocker`` option not carried meant, for its TODO.


def _mocker_options(call: cst.Call) -> list[str]:
    """The ``requests_mock.Mocker(...)`` options respx has no twin for."""
    found = []
    for arg in call.args:
        key = arg.keyword.value if arg.keyword is not None else "..."
        if key in ("kw", "case_sensitive") or (
            key == "real_http" and code_of(arg.value) == "False"
        ):
            continue
        found.append(key)
    return found


def _case_sensitive(node: cst.CSTNode) -> bool:
    """Whether ``node`` makes a ``requests_mock.Mocker(case_sensitive=True)``."""
    for call in m.findall(
        node,
        m.Call(
            args=[
                m.ZeroOrMore(),
                m.Arg(keyword=m.Name("case_sensitive"), value=m.Name("True")),
                m.ZeroOrMore(),
            ]
        ),
    ):
        if is_mocker_call(cst.ensure_type(call, cst.Call)):
            return True
    return False


class _Scan(cst.CSTVisitor):
    """Names of one function that hold requests-mock objects, from its original code."""

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        self.assigns: list[tuple[str, cst.BaseExpression]] = []
        self.loops: list[tuple[str, cst.BaseExpression]] = []  # for r in X.request_history
        self.indexed: set[cst.CSTNode] = set()  # ``X.request_history`` subscripted or len()'d
        self.blocks: dict[str, cst.With] = {}  # mockers of ``with`` blocks
        self.reads: list[tuple[str, cst.Attribute]] = []  # ``name.attr`` of a plain name

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # nested functions get their own scan

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if is_mocker_call(item.item) and item.asname and isinstance(item.asname.name, cst.Name):
                self.blocks[item.asname.name.value] = node

    def visit_WithItem(self, node: cst.WithItem) -> None:
        item, asname = node.item, node.asname
        if not isinstance(item, cst.Call) or not is_mocker_call(item):
            return
        if asname is not None and isinstance(asname.name, cst.Name):
            self.kinds[asname.name.value] = "mocker"

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self.assigns.append((node.targets[0].target.value, node.value))

    def visit_For(self, node: cst.For) -> None:
        if isinstance(node.target, cst.Name):
            self.loops.append((node.target.value, node.iter))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        # ``sum(1 for r in m.request_history if r.path == "/units")``
        if isinstance(node.target, cst.Name):
            self.loops.append((node.target.value, node.iter))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name):
            self.reads.append((node.value.value, node))

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if isinstance(node.value, cst.Attribute) and node.value.attr.value == "request_history":
            self.indexed.add(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        if dotted_name(node.func) == "len" and len(node.args) == 1:
            arg = node.args[0].value
            if isinstance(arg, cst.Attribute) and arg.attr.value == "request_history":
                self.indexed.add(arg)


class RequestsMock(Rule):
    """requests-mock -> respx, the half of MIG008 that works by names.

    requests-mock objects are found per function: the ``requests_mock``
    fixture parameter, ``with requests_mock.Mocker() as m``, the mocker a
    ``@requests_mock.Mocker()`` decorator passes, matchers assigned from a
    registration, and requests taken from the history.
    """

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self._rm_frames: list[dict[str, str]] = []
        self._rm_renames: dict[cst.CSTNode, str] = {}
        self._rm_indexed: set[cst.CSTNode] = set()
        # What an ``assert`` only tests for truth (original nodes).
        self._rm_tested: set[cst.CSTNode] = set()
        # Per function: the last line of the ``with`` block of each mocker made so.
        self._rm_block_ends: list[dict[str, int]] = []
        # ``@requests_mock.Mocker(...)`` decorators left as they are (their mocker not found).
        self._rm_kept: set[cst.CSTNode] = set()
        self._rm_callbacks: set[str] | None = None
        self._rm_imported: dict[str, str] | None = None
        self._rm_constants: dict[str, str] = {}
        # Registrations made respx routes, and those made too late for the
        # order requests-mock answers in (original nodes).
        self._rm_routes: set[cst.Call] = set()
        self._rm_late: set[cst.Call] = set()
        # Per function: whether its mockers keep the URL's case (case_sensitive=True).
        self._rm_case_kept: list[bool] = []
        # ``with`` blocks whose mocker is read after them: the name it is read by.
        self._rm_kept_calls: dict[cst.With, str] = {}
        # Classes entered, with the ``requests_mock.Mocker(...)`` decorating each.
        self._rm_classes: list[tuple[cst.ClassDef, list[cst.BaseExpression]]] = []
        # Tests a ``Mocker`` decorator (theirs or their class's) hands the mocker to,
        # and the ``kwargs["mock"]`` items that are it (original nodes).
        self._rm_handed: dict[cst.FunctionDef, tuple[Handed, bool]] = {}
        # The ``Mocker(...)`` decorators of those tests and classes, which go.
        self._rm_decorators: set[cst.BaseExpression] = set()
        self._rm_kwargs_items: set[cst.Subscript] = set()

    @on_visit(cst.Module)
    def visit_rm_module(self, node: cst.Module) -> None:
        if self.ctx.edits.http_mocks:
            self._rm_constants = module_constants(node)

    # -- scopes ---------------------------------------------------------------------

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if not self.ctx.edits.http_mocks:
            return
        kinds = dict(self._rm_frames[-1]) if self._rm_frames else {}
        renames: dict[str, str] = {}
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        decorators = [*self._rm_class_decorators(node), *(d.decorator for d in node.decorators)]
        handed = mocker_handed(node, decorators)
        # ``@patch("app.requests") def test(requests_mock)``: the patch's mock, so named.
        filled = patch_injected(
            [ast.parse(code_of(d).strip(), mode="eval").body for d in decorators]
        )
        bound = 1 if params and params[0].name.value in ("self", "cls") else 0
        bound += 1 if handed is not None and handed.first else 0
        injected = {p.name.value for p in params[bound : bound + filled]}
        for param in params:
            kinds.pop(param.name.value, None)
            if param.name.value in injected:
                kinds[param.name.value] = "local"  # hides the library's name
            elif param.name.value == "requests_mock":
                kinds["requests_mock"] = "mocker"
                renames["requests_mock"] = "respx_mock"
            elif param.name.value in self.ctx.edits.mocker_fixtures:
                kinds[param.name.value] = "mocker"  # a fixture handing the mocker on
        if handed is not None:
            self._rm_hand(node, handed, kinds, renames)
        scan = _Scan(kinds)
        node.body.visit(scan)
        for _ in range(2):  # a matcher, then a request taken from it
            for name, value in scan.assigns:
                if isinstance(value, cst.Call) and self._registration(value, kinds):
                    kinds[name] = "route"
                elif (kind := self._kind(value, kinds)) in ("request", "mocker"):
                    kinds[name] = kind  # ``m = kwargs["mock"]``: the mocker by another name
            for name, value in scan.loops:
                if isinstance(value, cst.Attribute) and value.attr.value == "request_history":
                    if self._kind(value.value, kinds) in ("mocker", "route"):
                        kinds[name] = "request"
        self._rm_indexed |= scan.indexed
        ends = dict(self._rm_block_ends[-1]) if self._rm_block_ends else {}
        for param in params:
            ends.pop(param.name.value, None)
        for name, block in scan.blocks.items():
            pos = self.ctx.pos(block)
            if pos is not None and kinds.get(name) == "mocker":
                ends[name] = pos[2]
        for name, read in scan.reads:
            after = read.attr.value in AFTER_BLOCK and self.ctx.line(read) > ends.get(name, 1 << 30)
            if after and name in scan.blocks:
                self._rm_kept_calls[scan.blocks[name]] = name
        self._rm_block_ends.append(ends)
        if renames:
            for param in params:
                if param.name.value in renames:
                    self._rm_renames[param.name] = renames[param.name.value]
            node.body.visit(_Renames(renames, self._rm_renames))
        self._rm_frames.append(kinds)
        self._rm_case_kept.append(
            bool(self._rm_case_kept and self._rm_case_kept[-1])
            or _case_sensitive(node)
            or (handed is not None and _case_sensitive(handed.call))
        )

    def _rm_class_decorators(self, node: cst.FunctionDef) -> list[cst.BaseExpression]:
        """The decorators of the class ``node`` is a test method of, when one is a
        ``requests_mock.Mocker(...)``, which wraps each such method."""
        if not self._rm_classes or not node.name.value.startswith(TEST_PREFIX):
            return []
        cls, decorators = self._rm_classes[-1]
        if not any(is_mocker_call(d) for d in decorators):
            return []
        body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
        return decorators if any(stmt is node for stmt in body) else []

    def _rm_hand(
        self,
        node: cst.FunctionDef,
        handed: Handed,
        kinds: dict[str, str],
        renames: dict[str, str],
    ) -> None:
        """The mocker a ``Mocker`` decorator hands ``node`` is respx's router, which
        ``@respx.mock`` hands it as ``respx_mock``."""
        own = any(d.decorator is handed.call for d in node.decorators)
        if not handed.found and own:
            self._rm_kept.add(handed.call)  # left as it is, with a TODO (see _mocker)
            return
        kwargs_read = False
        self._rm_decorators.add(handed.call)
        if handed.param is not None:
            kinds[handed.param] = "mocker"
            if handed.param != RESPX_PARAM:
                renames[handed.param] = RESPX_PARAM
        elif handed.kwargs is not None:
            items, kwargs_read = kwargs_items(node, handed)
            self._rm_kwargs_items.update(items)
        else:
            self.ctx.todo(
                self.ctx.line(node),
                self.code,
                "requests_mock.Mocker on the class: this test takes its mocker nowhere",
            )
        self._rm_handed[node] = (handed, kwargs_read)

    @on_visit(cst.ClassDef)
    def visit_rm_class(self, node: cst.ClassDef) -> None:
        if self.ctx.edits.http_mocks:
            self._rm_classes.append((node, [d.decorator for d in node.decorators]))
            self._rm_decorators.update(
                d.decorator for d in node.decorators if is_mocker_call(d.decorator)
            )

    @on_leave(cst.ClassDef)
    def leave_rm_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """``@requests_mock.Mocker()`` on a class goes: each of its tests has
        ``@respx.mock`` of its own (see _rm_respx_test), as respx's on a class would
        make it a function."""
        if not self.ctx.edits.http_mocks:
            return updated
        self._rm_classes.pop()
        kept = [d for d in updated.decorators if not is_mocker_call(d.decorator)]
        if len(kept) == len(updated.decorators):
            return updated
        return updated.with_changes(decorators=kept)

    def _rm_respx_test(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        """A test a ``Mocker`` decorator handed its mocker: ``@respx.mock`` right above
        its ``def`` and ``respx_mock`` last of its positional parameters (see
        :mod:`.mocker_handed`)."""
        found = self._rm_handed.pop(original, None)
        if found is None:
            return updated
        handed, kwargs_read = found
        # The test's own Mocker decorator, left a Mocker call by _mocker (another rule
        # may have added decorators around it).
        decorators = [d for d in updated.decorators if not is_mocker_call(d.decorator)]
        self.ctx.add_import("respx")
        decorators.append(cst.Decorator(cst.parse_expression("respx.mock")))
        params = updated.params
        if handed.found:
            params = respx_signature(params, handed, kwargs_read)
        return updated.with_changes(decorators=decorators, params=params)

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if self._rm_frames:
            self._rm_frames.pop()
            self._rm_block_ends.pop()
            self._rm_case_kept.pop()
        return self._rm_respx_test(original, updated)

    @on_leave(cst.With)
    def leave_rm_with(self, original: cst.With, updated: cst.With) -> cst.With:
        """A mocker read after its block keeps its calls as the block ends."""
        name = self._rm_kept_calls.get(original)
        if name is None or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        kept = cst.parse_statement(f"{name}_calls = list({name}.calls)")
        body = updated.body.with_changes(body=[*updated.body.body, kept])
        return updated.with_changes(body=body)

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        new = self._rm_renames.get(original)
        if new is None or not isinstance(updated, cst.Name):
            return updated
        return updated.with_changes(value=new)

    def _kind(self, node: cst.BaseExpression, kinds: dict[str, str] | None = None) -> str | None:
        """What an original expression holds: "mocker", "route", "request" or None."""
        kinds = kinds if kinds is not None else (self._rm_frames[-1] if self._rm_frames else {})
        if isinstance(node, cst.Name):
            return kinds.get(node.value)
        if node in self._rm_kwargs_items:
            return "mocker"  # ``kwargs["mock"]``, from ``Mocker(kw="mock")``
        if isinstance(node, cst.Attribute) and node.attr.value == "last_request":
            return "request" if self._kind(node.value, kinds) in ("mocker", "route") else None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            inner = node.value
            if isinstance(inner, cst.Attribute) and inner.attr.value == "request_history":
                if isinstance(node.slice[0].slice, cst.Index):
                    if self._kind(inner.value, kinds) in ("mocker", "route"):
                        return "request"
        return None

    def _registration(self, call: cst.Call, kinds: dict[str, str] | None = None) -> bool:
        func = call.func
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value in RM_VERBS
            and self._kind(func.value, kinds) == "mocker"
        )

    @on_visit(cst.IndentedBlock)
    def visit_rm_block(self, node: cst.IndentedBlock) -> None:
        """Registrations a respx router cannot order as requests-mock did: made after
        other code, and matching what an earlier registration matches (a TODO on
        each once it becomes a route, see _rm_call)."""
        if not self._rm_frames:
            return
        earlier: list[Registration] = []
        for run in self._rm_runs(node):
            for _, reg, call in run:
                if any(reg.may_overlap(other) for other in earlier):
                    self._rm_late.add(call)
            earlier += [reg for _, reg, _ in run]

    @on_leave(cst.IndentedBlock)
    def leave_rm_block(self, original: cst.IndentedBlock, updated: cst.BaseSuite) -> cst.BaseSuite:
        """Registrations made one after the other, in the order respx needs (see
        :mod:`.registration_order`)."""
        if (
            not self._rm_frames
            or not isinstance(updated, cst.IndentedBlock)
            or len(updated.body) != len(original.body)
        ):
            return updated
        body = list(updated.body)
        for run in self._rm_runs(original):
            if not all(call in self._rm_routes for _, _, call in run):
                continue  # a registration left to requests-mock stays where it is
            order = respx_order([reg for _, reg, _ in run])
            if order == sorted(order):
                continue
            slots = [index for index, _, _ in run]
            moved = [(slots[i], body[slots[i]]) for i in order]
            for slot, (was, stmt) in zip(slots, moved, strict=True):
                # Blank lines and comments stay where they were written; the
                # TODOs a statement was given go with it.
                written = cst.ensure_type(original.body[was], cst.SimpleStatementLine)
                given = cst.ensure_type(stmt, cst.SimpleStatementLine).leading_lines
                here = cst.ensure_type(original.body[slot], cst.SimpleStatementLine)
                body[slot] = stmt.with_changes(
                    leading_lines=[*here.leading_lines, *given[len(written.leading_lines) :]]
                )
        return updated.with_changes(body=body)

    def _rm_runs(self, block: cst.IndentedBlock) -> list[list[tuple[int, Registration, cst.Call]]]:
        """Registrations of ``block`` made one after the other on one mocker:
        (statement index, what it matches, its call) per run."""
        runs: list[list[tuple[int, Registration, cst.Call]]] = []
        run: list[tuple[int, Registration, cst.Call]] = []
        for index, stmt in enumerate(block.body):
            call = _registration_call(stmt)
            found = None
            if call is not None and self._registration(call):
                assert isinstance(call.func, cst.Attribute)
                found = registration(call, code_of(call.func.value), self._rm_constants)
            if run and (found is None or found.mocker != run[0][1].mocker):
                runs.append(run)
                run = []
            if found is not None and call is not None:
                run.append((index, found, call))
        return [*runs, run] if run else runs

    # -- hooks (called by HttpMocks) -------------------------------------------------------

    @on_visit(cst.Assert)
    def visit_rm_tested(self, node: cst.Assert) -> None:
        test = node.test
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            test = test.expression
        self._rm_tested.add(test)

    def _rm_attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression | None:
        attr = original.attr.value
        line = self.ctx.line(original)
        owner = self._kind(original.value)
        value = code_of(updated.value)
        if owner in ("mocker", "route"):
            calls = f"{value}.calls" if owner == "mocker" else value
            name = dotted_name(original.value) or ""
            block_end = self._rm_block_ends[-1].get(name, line)
            kept = name in self._rm_kept_calls.values()
            if owner == "mocker" and line > block_end and kept and attr in AFTER_BLOCK:
                if original in self._rm_indexed:  # ``m.request_history[4]``: calls, as below
                    return cst.Name(f"{name}_calls")
                return cst.parse_expression(AFTER_BLOCK[attr].format(f"{name}_calls"))
            if owner == "mocker" and line > block_end and attr not in RM_VERBS:
                self.ctx.todo(
                    line,
                    self.code,
                    "respx forgets the calls when the with block ends: check inside it",
                )
            if attr in ("called", "call_count"):
                return cst.parse_expression(f"{calls}.{attr}")
            if attr == "called_once":
                return cst.parse_expression(f"{calls}.call_count == 1")
            if attr == "last_request":
                return cst.parse_expression(f"{value}.calls.last.request")
            if attr == "request_history":
                if original in self._rm_indexed:
                    return cst.parse_expression(f"{value}.calls")
                return cst.parse_expression(f"[call.request for call in {value}.calls]")
            if attr in ("reset_mock", "reset"):
                return updated.with_changes(attr=cst.Name("reset"))
            if attr not in RM_VERBS:
                self.ctx.todo(line, self.code, f"requests-mock .{attr} has no respx rewrite here")
            return None
        if owner == "request":
            if attr == "json":
                return None  # the call is rewritten in _rm_call
            forms = RM_REQUEST_CASE_KEPT if self._rm_case_kept[-1] else RM_REQUEST
            template = forms.get(attr)
            if template is None:
                self.ctx.todo(line, self.code, f"requests-mock request .{attr} not ported")
                return None
            if attr == "qs":
                self.ctx.add_import("urllib.parse", "parse_qs")
            if attr == "body" and original in self._rm_tested:
                template = "{r}.content"  # ``assert request.body``: b"" is as false as None
            return cst.parse_expression(template.format(r=value))
        library = not self._rm_frames or self._rm_frames[-1].get("requests_mock") != "local"
        if (
            library
            and dotted_name(original.value) == "requests_mock"
            and attr
            not in (
                "Mocker",
                "mock",
                "ANY",
                *VERB_CONSTANTS,
            )
        ):
            self.ctx.todo(line, self.code, f"requests_mock.{attr} has no respx rewrite here")
        return None

    @on_leave(cst.Subscript)
    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``m.request_history[i]`` (already ``m.calls[i]``) -> ``m.calls[i].request``."""
        if not self.ctx.edits.http_mocks or not isinstance(updated, cst.Subscript):
            return updated
        if original in self._rm_kwargs_items:
            return cst.Name(RESPX_PARAM)
        inner = original.value
        if not (isinstance(inner, cst.Attribute) and inner in self._rm_indexed):
            return updated
        if self._kind(original) == "request":
            return cst.Attribute(value=updated, attr=cst.Name("request"))
        return cst.parse_expression(f"[call.request for call in {code_of(updated)}]")

    def _rm_call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        line = self.ctx.line(original)
        if is_mocker_call(original):
            return self._mocker(original, updated, line)
        if not isinstance(func, cst.Attribute) or not isinstance(updated.func, cst.Attribute):
            return updated
        if func.attr.value == "json" and self._kind(func.value) == "request":
            self.ctx.add_import("json")
            return cst.parse_expression(f"json.loads({code_of(updated.func.value)}.content)")
        if dotted_name(func) == "len" and len(original.args) == 1:
            return updated
        if self._registration(original):
            converted = self._rm_route(original, updated, line)
            if converted is not None:
                self._rm_routes.add(original)
                if original in self._rm_late:
                    self.ctx.todo(
                        line,
                        self.code,
                        "respx takes the first matching route, requests-mock the latest:"
                        " register this one before the other",
                    )
                self.ctx.maybe_remove_import("requests_mock")
                self.ctx.note(self.code, line, "requests-mock registration -> respx route")
                return converted
        return updated

    def _mocker(self, original: cst.Call, updated: cst.Call, line: int) -> cst.BaseExpression:
        """``requests_mock.Mocker()`` -> a respx router that, like it, allows unused routes."""
        if original in self._rm_kept:
            self.ctx.todo(
                line, self.code, "requests_mock.Mocker decorator: its mocker argument not found"
            )
            return updated
        for option in _mocker_options(updated):
            message = MOCKER_OPTIONS.get(option, f"requests_mock.Mocker({option}=) not ported")
            self.ctx.todo(line, self.code, message)
        self.ctx.add_import("respx")
        self.ctx.maybe_remove_import("requests_mock")
        self.ctx.note(self.code, line, "requests_mock.Mocker -> respx router")
        if original in self._rm_decorators:
            return updated  # the decorator goes: each test gets @respx.mock (_rm_respx_test)
        return cst.parse_expression("respx.mock(assert_all_called=False)")

    def _rm_route(
        self, original: cst.Call, updated: cst.Call, line: int
    ) -> cst.BaseExpression | None:
        assert isinstance(original.func, cst.Attribute) and isinstance(updated.func, cst.Attribute)
        verb = original.func.attr.value
        positional = [a.value for a in updated.args if a.keyword is None]
        keywords = {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
        originals = {a.keyword.value: a.value for a in original.args if a.keyword is not None}
        if any(a.star for a in updated.args):
            self.ctx.todo(line, self.code, "requests-mock registration with ** not ported")
            return None
        method: str | None = verb
        if verb in ("request", "register_uri"):
            node = positional.pop(0) if positional else keywords.pop("method", None)
            method = None  # requests_mock.ANY: any method
            if node is not None and dotted_name(node) != "requests_mock.ANY":
                # ``requests_mock.POST``: the module's constant for "POST".
                constant = (dotted_name(node) or "").rpartition(".")[2]
                text = string_value(node) or (constant if constant in VERB_CONSTANTS else None)
                if text is None:
                    self.ctx.todo(line, self.code, "requests-mock method not understood")
                    return None
                method = text.lower()
        url = positional.pop(0) if positional else keywords.pop("url", None)
        responses = positional.pop(0) if positional else keywords.pop("response_list", None)
        if positional:
            self.ctx.todo(line, self.code, "requests-mock registration not understood")
            return None
        route_args: list[str] = []
        if url is not None and dotted_name(url) != "requests_mock.ANY":
            route_args.append(code_of(url))
        request_headers = keywords.pop("request_headers", None)
        if request_headers is not None:
            route_args.append(f"headers={code_of(request_headers)}")
        complete_qs = keywords.pop("complete_qs", None)
        if complete_qs is not None and code_of(complete_qs) != "False":
            # respx compares a query given in the URL as a whole already.
            if url is None or not written_query(url):
                self.ctx.todo(line, self.code, "requests-mock complete_qs= without a query")
                return None
        receiver = code_of(updated.func.value)
        if method in HTTP_VERBS:
            route = f"{receiver}.{method}({', '.join(route_args)})"
        else:
            if route_args and url is not None and dotted_name(url) != "requests_mock.ANY":
                route_args[0] = f"url={route_args[0]}"
            if method is not None:
                route_args.insert(0, f"method={method.upper()!r}".replace("'", '"'))
            route = f"{receiver}.route({', '.join(route_args)})"
        if responses is not None:
            if keywords or not isinstance(responses, cst.List | cst.Tuple):
                self.ctx.todo(line, self.code, "requests-mock response list not understood")
                return None
            answers = []
            for element in responses.elements:
                answer = self._rm_answer(element.value, line)
                if answer is None:
                    return None
                answers.append(answer)
            if len(answers) == 1:
                raises, code = answers[0]
                key = "side_effect" if raises else "return_value"
                return cst.parse_expression(f"{route}.mock({key}={code})")
            # requests-mock repeats the last answer; a respx list is used up.
            in_turn = self.ctx.use_helper(ANSWERS_IN_TURN)
            listed = ", ".join(code for _, code in answers)
            return cst.parse_expression(f"{route}.mock(side_effect={in_turn}({listed}))")
        response = self._rm_response(keywords, originals, line)
        if response is None:
            return None
        key = "side_effect" if response[0] else "return_value"
        return cst.parse_expression(f"{route}.mock({key}={response[1]})")

    def _rm_answer(self, element: cst.BaseExpression, line: int) -> tuple[bool, str] | None:
        """One ``{"json": .., "status_code": ..}`` of a response list: (raises, code)."""
        if not isinstance(element, cst.Dict):
            self.ctx.todo(line, self.code, "requests-mock response list not understood")
            return None
        keywords: dict[str, cst.BaseExpression] = {}
        for item in element.elements:
            key = string_value(item.key) if isinstance(item, cst.DictElement) else None
            if key is None:
                self.ctx.todo(line, self.code, "requests-mock response list not understood")
                return None
            keywords[key] = item.value
        return self._rm_response(keywords, dict(keywords), line)

    def _rm_response(
        self,
        keywords: dict[str, cst.BaseExpression],
        originals: dict[str, cst.BaseExpression],
        line: int,
    ) -> tuple[bool, str] | None:
        """(raises, code): ``httpx.Response(...)``, or the exception to raise."""
        unknown = sorted(set(keywords) - {*RM_RESPONSE, "status_code", "reason", "exc"})
        if unknown:
            self.ctx.todo(line, self.code, f"requests-mock option {', '.join(unknown)} not ported")
            return None
        callbacks = {k for k, v in keywords.items() if k != "exc" and self._callback(v)}
        if callbacks - set(RM_BODIES):
            listed = ", ".join(f"{key}=" for key in sorted(callbacks - set(RM_BODIES)))
            self.ctx.todo(line, self.code, f"requests-mock callback ({listed}) not ported")
            return None
        if callbacks:
            # The body is made per request: the callback may change the context too.
            given = ", ".join(f"{key}={code_of(value)}" for key, value in keywords.items())
            return True, f"{self.ctx.use_helper(RM_ANSWER)}({given})"
        if "exc" in keywords:
            raised = self._raised(originals.get("exc", keywords["exc"]), keywords["exc"], line)
            return None if raised is None else (True, raised)
        self.ctx.add_import("httpx")
        status = keywords.get("status_code")
        args = [code_of(status) if status is not None else "200"]
        args += [f"{RM_RESPONSE[k]}={code_of(v)}" for k, v in keywords.items() if k in RM_RESPONSE]
        reason = keywords.get("reason")
        if reason is not None:
            text = string_value(reason)
            if text is None or not text.isascii():
                self.ctx.todo(line, self.code, "requests-mock reason= not ported")
                return None
            args.append(f'extensions={{"reason_phrase": {text.encode()!r}}}')
        elif self.ctx.edits.reasons_read:
            # requests-mock answers with no reason; httpx would name the status.
            args.append('extensions={"reason_phrase": b""}')
        return False, f"httpx.Response({', '.join(args)})"

    def _raised(
        self, original: cst.BaseExpression, updated: cst.BaseExpression, line: int
    ) -> str | None:
        """``exc=requests.exceptions.ConnectTimeout`` -> ``httpx.ConnectTimeout``."""
        call = original if isinstance(original, cst.Call) else None
        name = dotted_name(call.func if call is not None else original) or ""
        parts = name.split(".")
        module = ""
        if parts[0] == "requests" and len(parts) in (2, 3):
            module = ".".join(parts[:-1])
        elif len(parts) == 1 and parts[0] in self._imported():
            module = self._imported()[parts[0]]
        if not module:
            return code_of(updated)  # not requests': raised as it is
        mapped = RM_RAISES.get(parts[-1])
        if mapped is None:
            self.ctx.todo(line, self.code, f"requests-mock exc={name} has no httpx twin here")
            return None
        self.ctx.add_import("httpx")
        if len(parts) == 1:
            self.ctx.maybe_remove_import(module, parts[0])
        else:
            self.ctx.maybe_remove_import("requests")
        if call is None:
            return f"httpx.{mapped}"
        args = ", ".join(code_of(a) for a in call.args) if call.args else '"Mock Error"'
        return f"httpx.{mapped}({args})"

    def _imported(self) -> dict[str, str]:
        """Names imported from requests' modules (``from requests.exceptions import X``)."""
        if self._rm_imported is None:
            self._rm_imported = {}
            for node in self.ctx.positions:
                if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
                    continue
                module = (dotted_name(node.module) or "") if node.module is not None else ""
                if module in ("requests", "requests.exceptions"):
                    for alias in node.names:
                        if alias.asname is None and isinstance(alias.name, cst.Name):
                            self._rm_imported[alias.name.value] = module
        return self._rm_imported

    def _callback(self, node: cst.BaseExpression) -> bool:
        """A function answering the request (``json=lambda request, context: ...``)."""
        if isinstance(node, cst.Lambda):
            return True
        if self._rm_callbacks is None:
            self._rm_callbacks = {
                n.name.value for n in self.ctx.positions if isinstance(n, cst.FunctionDef)
            }
        return isinstance(node, cst.Name) and node.value in self._rm_callbacks


def _registration_call(stmt: cst.BaseStatement) -> cst.Call | None:
    """The call of ``m.get(...)`` or ``route = m.get(...)`` standing as a statement."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    call = small.value if isinstance(small, cst.Expr | cst.Assign) else None
    return call if isinstance(call, cst.Call) else None


class _Renames(cst.CSTVisitor):
    """The Name nodes of a function body that refer to a renamed mocker."""

    def __init__(self, names: dict[str, str], out: dict[cst.CSTNode, str]) -> None:
        self.names = names
        self.out = out

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        return not any(p.name.value in self.names for p in params)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names:
            self.out[node] = self.names[node.value]
