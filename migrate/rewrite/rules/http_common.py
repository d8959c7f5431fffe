"""What the MIG001 http-client rule's parts share: the base class and what a
client needs to behave like requests."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import httpx
import libcst as cst
import libcst.matchers as m

from ..nodes import is_keyword, keyword_arg
from .base import Rule

REQUESTS_VALUES = "requests_values"
# The client a one-off request is sent through (``async with ... as http_client``).
ONE_SHOT_CLIENT = "http_client"


# Status code names httpx.codes has with another value than requests.codes.
DIFFERING_CODES = frozenset({"request_uri_too_long"})


@dataclass
class FunctionState:
    """Names of one function that hold responses (from a call this rule rewrote, or not)."""

    responses: set[str] = field(default_factory=set)
    direct_responses: set[str] = field(default_factory=set)
    # Parameters handed httpx's responses and requests' (a gradual step): only
    # forms that work on both are written.
    either_responses: set[str] = field(default_factory=set)
    # Names bound to streamed responses (``stream=True``).
    streams: set[str] = field(default_factory=set)
    # Names bound to a sync httpx client's streamed responses (``with c.stream(...)``).
    native_streams: set[str] = field(default_factory=set)
    # Names bound to a streamed body's iterator (``lines = r.iter_lines()``), now
    # async: "lines" where requests yielded bytes and httpx yields str.
    stream_iters: dict[str, str] = field(default_factory=dict)
    # Names bound to responses made by hand (``resp = requests.Response()``).
    made_responses: set[str] = field(default_factory=set)
    # Names bound to clients made here (``session = requests.Session()``).
    clients: set[str] = field(default_factory=set)
    # Names the function calls ``.close()`` on.
    closed: set[str] = field(default_factory=set)
    # Names that may hold None or a bool (see ``differing_names``), those
    # surely holding bools (``verbose: bool``), names surely bound to query
    # parameters or a form httpx sends as requests does (``params = {"q":
    # query}``), and the names the function binds itself.
    differing: set[str] = field(default_factory=set)
    bools: set[str] = field(default_factory=set)
    sent_alike: set[str] = field(default_factory=set)
    local: set[str] = field(default_factory=set)
    # Names that may hold headers with a None value (see http_headers).
    none_headers: set[str] = field(default_factory=set)


@dataclass
class Frame:
    """Statement being rewritten: one-off clients it needs."""

    client_args: list[cst.Arg] | None = None


class HttpRuleBase(Rule):
    """The rule's parts (calls, exceptions, sessions, streams) are mixins of this class."""

    module: str  # the target HTTP module: "httpx" or "httpx2"
    # Per function being rewritten, innermost last (the module's first).
    functions: list[FunctionState]
    # ``requests.Response()`` calls, and their ``requests.Response``, that stay
    # requests' (ids of original nodes; see ValueRewrites._kept).
    _kept_calls: set[int]

    def _httpx(self, attr: str) -> cst.Attribute:
        """``httpx.<attr>``, with the import it needs."""
        self.ctx.add_import(self.module)
        return cst.Attribute(value=cst.Name(self.module), attr=cst.Name(attr))

    def _status_code(self, name: str) -> cst.Attribute | None:
        """``requests.codes.ok`` -> ``httpx.codes.ok``: httpx's codes carry requests'
        lower-case names for the statuses it knows (not ``requests.codes.teapot``)."""
        if not hasattr(httpx.codes, name) or name.lower() in DIFFERING_CODES:
            return None
        self.ctx.maybe_remove_import("requests")
        return cst.Attribute(value=self._httpx("codes"), attr=cst.Name(name))

    def _as_requests_sends(self, sent: cst.BaseExpression) -> cst.BaseExpression:
        """Query parameters or a form as requests sends them. requests leaves out a
        value that is None, where httpx sends it empty (``page=``), sends a bool
        as ``True``, where httpx sends ``true``, and bytes as the text they
        encode, where httpx sends ``b'...'``. In a literal, a None goes, True is
        ``"True"``, what is surely a bool is ``str(...)`` and ``b"x"`` is ``"x"``;
        what may still hold any (a literal with a value that may be one, or what
        comes from elsewhere: a parameter, an attribute, a call) goes through
        ``requests_values``."""
        if isinstance(sent, cst.Dict):
            elements = [
                e.with_changes(value=self._bool_as_text(e.value))
                if isinstance(e, cst.DictElement)
                else e
                for e in sent.elements
                if not (isinstance(e, cst.DictElement) and m.matches(e.value, m.Name("None")))
            ]
            if len(elements) != len(sent.elements) and elements:
                elements[-1] = elements[-1].with_changes(comma=sent.elements[-1].comma)
            sent = sent.with_changes(elements=elements)
        elif isinstance(sent, cst.List | cst.Tuple) and all(map(_is_pair, sent.elements)):
            sent = sent.with_changes(elements=[self._pair_as_text(e) for e in sent.elements])
        if self._is_sent_alike(sent):
            return sent
        return cst.Call(cst.Name(self.ctx.use_helper(REQUESTS_VALUES)), [cst.Arg(sent)])

    def _bool_as_text(self, value: cst.BaseExpression) -> cst.BaseExpression:
        """``True`` -> ``"True"``, a value surely a bool -> ``str(value)``, ``b"x"`` -> ``"x"``."""
        value = bytes_as_text(value)
        if isinstance(value, cst.Name) and value.value in ("True", "False"):
            return cst.SimpleString(f'"{value.value}"')
        if is_surely_bool(value, self.functions[-1].bools):
            return cst.Call(cst.Name("str"), [cst.Arg(value)])
        return value

    def _pair_as_text(self, element: cst.BaseElement) -> cst.BaseElement:
        """``("flag", True)`` -> ``("flag", "True")``."""
        pair = cst.ensure_type(element.value, cst.Tuple)
        key, value = pair.elements
        value = value.with_changes(value=self._bool_as_text(value.value))
        return element.with_changes(value=pair.with_changes(elements=[key, value]))

    def _is_sent_alike(self, sent: cst.BaseExpression) -> bool:
        """Whether httpx surely sends ``sent`` as requests does, as far as its
        function (or, for a name the function does not bind, the module) shows."""
        state = self.functions[-1]
        if isinstance(sent, cst.Name) and sent.value not in state.local:
            return sent.value in self.functions[0].sent_alike
        return is_sent_alike(sent, state.differing, state.sent_alike)

    def _is_error(self, owner: str) -> cst.BaseExpression:
        """Whether the response in ``owner`` is a 4xx/5xx: requests' ``not ok``,
        asked in a form that works on both libraries' responses where it may be either."""
        if owner in self.functions[-1].either_responses:
            return cst.parse_expression(f"400 <= {owner}.status_code < 600")
        return cst.parse_expression(f"{owner}.is_error")  # ``r``, ``self.response``

    def _method_call(
        self, call: cst.Call, receiver: cst.BaseExpression, verb: str, args: list[cst.Arg]
    ) -> cst.Call:
        # with_changes keeps the call's own brackets and line breaks.
        return call.with_changes(func=cst.Attribute(value=receiver, attr=cst.Name(verb)), args=args)


def _is_pair(element: cst.BaseElement) -> bool:
    return (
        isinstance(element, cst.Element)
        and isinstance(element.value, cst.Tuple)
        and len(element.value.elements) == 2
    )


def requests_defaults() -> list[cst.Arg]:
    """What a client needs to behave like requests: follow redirects, no timeout."""
    return [
        keyword_arg("follow_redirects", cst.Name("True")),
        keyword_arg("timeout", cst.Name("None")),
    ]


def in_client(client: cst.Call, body: Sequence[cst.BaseStatement], in_async: bool) -> cst.With:
    """``async with httpx.AsyncClient(...) as http_client:`` around ``body``."""
    first, *rest = body
    return cst.With(
        items=[cst.WithItem(client, asname=cst.AsName(cst.Name(ONE_SHOT_CLIENT)))],
        body=cst.IndentedBlock([first.with_changes(leading_lines=[]), *rest]),
        asynchronous=cst.Asynchronous() if in_async else None,
        leading_lines=first.leading_lines,  # type: ignore[attr-defined]
    )


def one_off_cookies(args: list[cst.Arg]) -> list[cst.Arg]:
    """Per-request ``cookies=`` is deprecated in httpx: a one-off client takes them."""
    return [keyword_arg("cookies", a.value) for a in args if is_keyword(a, "cookies")]


def is_raw_body(node: cst.BaseExpression) -> bool | None:
    """True for str/bytes literals, False for dicts/lists of pairs, None when unknown."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString | cst.FormattedString):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add | cst.Modulo):
        # "a=" + text, "%s" % x: a string built from a literal.
        if is_raw_body(node.left) or (
            isinstance(node.operator, cst.Add) and is_raw_body(node.right)
        ):
            return True
    if isinstance(node, cst.Call) and m.matches(
        node.func, m.Attribute(attr=m.Name("encode") | m.Name("dumps"))
    ):
        return True
    if isinstance(node, cst.Dict | cst.List | cst.Tuple | cst.DictComp):
        return False
    if isinstance(node, cst.Call) and m.matches(node.func, m.Name(REQUESTS_VALUES)):
        return is_raw_body(node.args[0].value) if node.args else None
    return None


def differing_names(scope: cst.FunctionDef | cst.Module) -> set[str]:
    """Names of a function (or module) that may hold a value httpx sends otherwise
    than requests (see :func:`may_differ`): parameters defaulting to None or a
    bool or annotated ``bool``, names assigned None or what may be a bool."""
    names = set()
    if isinstance(scope, cst.FunctionDef):
        params = scope.params
        names = {
            p.name.value
            for p in (*params.posonly_params, *params.params, *params.kwonly_params)
            if (p.default is not None and m.matches(p.default, NONE_OR_BOOL))
            or (p.annotation is not None and _names_bool(p.annotation.annotation))
        }
    body = scope.body if isinstance(scope, cst.FunctionDef) else scope
    for assign in m.findall(body, m.Assign() | m.AnnAssign()):
        assert isinstance(assign, cst.Assign | cst.AnnAssign)
        if isinstance(assign, cst.Assign):
            targets = [t.target for t in assign.targets]
        else:
            targets = [assign.target]
            if _names_bool(assign.annotation.annotation):
                names |= {t.value for t in targets if isinstance(t, cst.Name)}
        if assign.value is not None and may_differ(assign.value, set()):
            names |= {t.value for t in targets if isinstance(t, cst.Name)}
    return names


NONE_OR_BOOL = m.Name("None") | m.Name("True") | m.Name("False")
# Calls that return a bool: builtins, and str's ``is...``/``...with`` methods.
BOOL_FUNCTIONS = frozenset(
    {"bool", "isinstance", "issubclass", "callable", "hasattr", "any", "all"}
)
BOOL_METHODS = m.Attribute(
    attr=m.MatchIfTrue(lambda n: n.value.startswith("is") or n.value.endswith("with"))
)


def _names_bool(annotation: cst.BaseExpression) -> bool:
    """Whether an annotation lets a bool in (``bool``, ``bool | None``, ``Optional[bool]``)."""
    return bool(m.findall(annotation, m.Name("bool")))


def may_be_bool(node: cst.BaseExpression, names: Collection[str] = ()) -> bool:
    """Whether ``node`` may be a bool, which requests sends as ``True`` and httpx as
    ``true``: True or False, a comparison, ``not``, ``and``/``or`` of what may be,
    a call that returns one (``isinstance(...)``, ``s.startswith(...)``)."""
    if isinstance(node, cst.Name):
        return node.value in ("True", "False") or node.value in names
    if isinstance(node, cst.Comparison):
        return True
    if isinstance(node, cst.UnaryOperation):
        return isinstance(node.operator, cst.Not)
    if isinstance(node, cst.BooleanOperation):
        return may_be_bool(node.left, names) or may_be_bool(node.right, names)
    if isinstance(node, cst.IfExp):
        return may_be_bool(node.body, names) or may_be_bool(node.orelse, names)
    if isinstance(node, cst.Call):
        return m.matches(node.func, m.Name(m.MatchIfTrue(BOOL_FUNCTIONS.__contains__))) or (
            m.matches(node.func, BOOL_METHODS)
        )
    return False


def is_surely_bool(node: cst.BaseExpression, bools: set[str]) -> bool:
    """Whether ``node`` is surely a bool (never None): a comparison, ``not``, a
    call that returns one, a name in ``bools`` (annotated ``bool``)."""
    if isinstance(node, cst.Name):
        return node.value in bools
    if isinstance(node, cst.BooleanOperation | cst.IfExp):
        return False  # ``a or b`` is one of its operands
    return may_be_bool(node)


def bool_names(function: cst.FunctionDef) -> set[str]:
    """``function``'s parameters annotated exactly ``bool``, not rebound in it."""
    params = function.params
    annotated = {
        p.name.value
        for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        if p.annotation is not None and m.matches(p.annotation.annotation, m.Name("bool"))
    }
    return annotated - bound_names(function, parameters=False)


def may_differ(node: cst.BaseExpression, names: set[str]) -> bool:
    """Whether httpx may send ``node`` otherwise than requests: None (requests
    leaves the key out, httpx sends it empty), a bool (``True`` vs ``true``),
    bytes (requests sends what they encode, httpx ``b'...'``), or a list or
    tuple holding one. ``names`` may hold any (see :func:`differing_names`);
    ``d.get(k)`` and ``getattr(o, a, None)`` may be None."""
    if may_be_bytes(node) or may_be_none(node, names):
        return True
    if isinstance(node, cst.List | cst.Tuple):
        return any(
            isinstance(e, cst.StarredElement) or may_differ(e.value, names) for e in node.elements
        )
    if isinstance(node, cst.IfExp):
        return may_differ(node.body, names) or may_differ(node.orelse, names)
    if isinstance(node, cst.BooleanOperation):
        return may_differ(node.left, names) or may_differ(node.right, names)
    if isinstance(node, cst.Call) and m.matches(node.func, m.Name("getattr")):
        # ``getattr(o, a, False)``: its default may be a bool (None is asked above).
        return len(node.args) == 3 and may_differ(node.args[2].value, names)
    return may_be_bool(node, names)


def may_be_none(node: cst.BaseExpression, names: set[str]) -> bool:
    """Whether ``node`` may be None: None, a name in ``names`` (see
    ``differing_names``), ``d.get(k)``, ``getattr(o, a, None)``, or a choice of
    what may be."""
    if isinstance(node, cst.Name):
        return node.value == "None" or node.value in names
    if isinstance(node, cst.IfExp):
        return may_be_none(node.body, names) or may_be_none(node.orelse, names)
    if isinstance(node, cst.BooleanOperation):
        return may_be_none(node.left, names) or may_be_none(node.right, names)
    if isinstance(node, cst.Call):
        if m.matches(node.func, m.Attribute(attr=m.Name("get"))) and len(node.args) == 1:
            return True
        if m.matches(node.func, m.Name("getattr")) and len(node.args) == 3:
            return may_be_none(node.args[2].value, names)
    return False


def may_be_bytes(node: cst.BaseExpression) -> bool:
    """``b"..."``, ``s.encode()``, ``bytes(...)``: bytes."""
    if isinstance(node, cst.SimpleString):
        return "b" in node.prefix.lower()
    if isinstance(node, cst.ConcatenatedString):
        return may_be_bytes(node.left)
    if isinstance(node, cst.Call):
        return m.matches(node.func, m.Attribute(attr=m.Name("encode")) | m.Name("bytes"))
    return False


def bytes_as_text(node: cst.BaseExpression) -> cst.BaseExpression:
    """``b"lamp"`` -> ``"lamp"``, ``text.encode()`` -> ``text``: bytes as the text
    they encode, which httpx encodes the same way (a literal of plain ASCII, an
    encoding to UTF-8 or ASCII)."""
    if (
        isinstance(node, cst.SimpleString)
        and node.prefix.lower() == "b"
        and node.value.isascii()
        and "\\" not in node.value
    ):
        return cst.SimpleString(node.value[1:])
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "encode"
        and len(node.args) <= 1
        and all(
            a.keyword is None
            and isinstance(a.value, cst.SimpleString)
            and a.value.evaluated_value in TEXT_ENCODINGS
            for a in node.args
        )
    ):
        return node.func.value
    return node


# Encodings that give the bytes httpx sends for a str (UTF-8, of which ASCII is part).
TEXT_ENCODINGS = frozenset({"utf-8", "utf8", "UTF-8", "ascii"})


# Methods that read a dict without changing what it holds.
READING_METHODS = frozenset({"get", "items", "keys", "values", "copy"})
# Keywords of a request that take a dict of values to send.
SENT_DICTS = frozenset({"params", "data", "json"})


def is_sent_alike(node: cst.BaseExpression, names: set[str], sent_alike: set[str]) -> bool:
    """Whether httpx surely sends ``node``, as query parameters or a form, as
    requests does: a string, a dict literal or a list of pairs with no value
    that may be None or a bool (see :func:`may_differ`), or a name in
    ``sent_alike``."""
    if isinstance(node, cst.Name):
        return node.value in sent_alike
    if isinstance(node, cst.Dict):
        return not dict_may_differ(node, names)
    if isinstance(node, cst.List | cst.Tuple):
        return all(
            isinstance(e, cst.Element)
            and isinstance(e.value, cst.Tuple)
            and len(e.value.elements) == 2
            and not may_differ(e.value.elements[1].value, names)
            for e in node.elements
        )
    return bool(is_raw_body(node))


def sent_alike_names(
    body: cst.CSTNode, names: set[str], params: frozenset[str] = frozenset()
) -> set[str]:
    """Names in ``body`` surely bound to query parameters or a form with no value
    that may be None or a bool (``params = {"q": query}``, then ``params["page"]
    = 2``).

    Every binding must be such a literal and every other use a read: an item
    set to what may be None or a bool, a method call that may add one (``update``), or
    the name handed to other code makes it unknown. ``params`` (the function's
    parameters) are unknown: what callers pass is not seen here.
    """
    # Only names sent as ``params=`` / ``data=`` are asked about: each costs a
    # few walks of the body.
    sent = {
        cst.ensure_type(cst.ensure_type(arg, cst.Arg).value, cst.Name).value
        for arg in m.findall(body, m.Arg(keyword=m.OneOf(*map(m.Name, SENT_DICTS)), value=m.Name()))
    }
    return {name for name in sent - params - {"None"} if _only_sent_alike_uses(body, name, names)}


def _only_sent_alike_uses(body: cst.CSTNode, name: str, names: set[str]) -> bool:
    """Whether ``name`` is bound in ``body`` only to values httpx sends as requests
    does and used only in ways that cannot put another in (see :func:`sent_alike_names`)."""
    this = m.Name(name)
    mentions = len(m.findall(body, this))
    # Not uses of the value: ``x.name``, ``f(name=...)``, ``def f(name)``.
    mentions -= len(m.findall(body, m.Attribute(attr=this)))
    mentions -= len(m.findall(body, m.Arg(keyword=this)))
    mentions -= len(m.findall(body, m.Param(name=this)))
    seen = 0
    bound = False
    for assign in m.findall(body, m.Assign() | m.AnnAssign()):
        assert isinstance(assign, cst.Assign | cst.AnnAssign)
        if isinstance(assign, cst.Assign):
            targets = [t.target for t in assign.targets]
        else:
            targets = [assign.target]
        for target in targets:
            if m.matches(target, this):
                if assign.value is None or not is_sent_alike(assign.value, names, set()):
                    return False
                seen += 1
                bound = True
            elif m.matches(target, m.Subscript(value=this)):
                if assign.value is None or may_differ(assign.value, names):
                    return False
    # Items read, deleted or set to what is sent alike (checked above).
    seen += len(m.findall(body, m.Subscript(value=this)))
    seen += len(
        m.findall(body, m.Attribute(value=this, attr=m.OneOf(*map(m.Name, READING_METHODS))))
    )
    seen += len(m.findall(body, m.Arg(keyword=m.OneOf(*map(m.Name, SENT_DICTS)), value=this)))
    return bound and seen == mentions


def parameter_names(function: cst.FunctionDef) -> frozenset[str]:
    """The names of ``function``'s parameters, ``*args`` and ``**kwargs`` included."""
    params = function.params
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    found += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    return frozenset(p.name.value for p in found)


def bound_names(function: cst.FunctionDef, parameters: bool = True) -> set[str]:
    """Names ``function`` binds itself (parameters, assignments, loop and ``with``
    targets): a name it reads but does not bind is the module's."""
    names = set(parameter_names(function)) if parameters else set()
    for node in m.findall(
        function.body,
        m.AssignTarget() | m.AnnAssign() | m.AugAssign() | m.For() | m.CompFor() | m.NamedExpr(),
    ):
        assert isinstance(
            node,
            cst.AssignTarget
            | cst.AnnAssign
            | cst.AugAssign
            | cst.For
            | cst.CompFor
            | cst.NamedExpr,
        )
        names |= _target_names(node.target)
    for node in m.findall(function.body, m.AsName()):
        names |= _target_names(cst.ensure_type(node, cst.AsName).name)
    return names


def _target_names(target: cst.BaseExpression) -> set[str]:
    """Names an assignment target binds (``a``, ``a, *b``; not ``a.x`` or ``a[k]``)."""
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, cst.Tuple | cst.List):
        return {n for e in target.elements for n in _target_names(e.value)}
    return set()


def dict_may_differ(literal: cst.Dict, names: set[str]) -> bool:
    """Whether a dict literal may hold a None or bool value (``**other`` may)."""
    return any(
        isinstance(e, cst.StarredDictElement) or may_differ(e.value, names)
        for e in literal.elements
    )
