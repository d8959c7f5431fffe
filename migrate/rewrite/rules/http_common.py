"""What the MIG001 http-client rule's parts share: the base class and what a
client needs to behave like requests."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as m

from ..nodes import is_keyword, keyword_arg
from .base import Rule


@dataclass
class FunctionState:
    """Names of one function that hold responses (from a call this rule rewrote, or not)."""

    responses: set[str] = field(default_factory=set)
    direct_responses: set[str] = field(default_factory=set)
    # Names bound to streamed responses (``stream=True``).
    streams: set[str] = field(default_factory=set)
    # Names bound to clients made here (``session = requests.Session()``).
    clients: set[str] = field(default_factory=set)
    # Names the function calls ``.close()`` on.
    closed: set[str] = field(default_factory=set)
    # Names that may hold None: parameters defaulting to it, names assigned it.
    maybe_none: set[str] = field(default_factory=set)
    # Names of dicts that may hold a None value (``params = {"page": page}``).
    none_dicts: set[str] = field(default_factory=set)


@dataclass
class Frame:
    """Statement being rewritten: one-off clients it needs."""

    client_args: list[cst.Arg] | None = None


class HttpRuleBase(Rule):
    """The rule's parts (calls, exceptions, sessions, streams) are mixins of this class."""

    module: str  # the target HTTP module: "httpx" or "httpx2"
    # Per function being rewritten, innermost last (the module's first).
    functions: list[FunctionState]

    def _httpx(self, attr: str) -> cst.Attribute:
        """``httpx.<attr>``, with the import it needs."""
        self.ctx.add_import(self.module)
        return cst.Attribute(value=cst.Name(self.module), attr=cst.Name(attr))

    def _timeout(self, value: cst.Tuple) -> cst.Call:
        """requests' ``(connect, read)`` timeout as ``httpx.Timeout(None, connect=, read=)``."""
        connect, read = (e.value for e in value.elements)
        return cst.Call(
            func=self._httpx("Timeout"),
            args=[
                cst.Arg(cst.Name("None")),
                keyword_arg("connect", connect),
                keyword_arg("read", read),
            ],
        )

    def _method_call(
        self, call: cst.Call, receiver: cst.BaseExpression, verb: str, args: list[cst.Arg]
    ) -> cst.Call:
        # with_changes keeps the call's own brackets and line breaks.
        return call.with_changes(func=cst.Attribute(value=receiver, attr=cst.Name(verb)), args=args)


def requests_defaults() -> list[cst.Arg]:
    """What a client needs to behave like requests: follow redirects, no timeout."""
    return [
        keyword_arg("follow_redirects", cst.Name("True")),
        keyword_arg("timeout", cst.Name("None")),
    ]


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
    return None


def none_names(function: cst.FunctionDef) -> set[str]:
    """Names of ``function`` that may hold None: parameters defaulting to it, names
    assigned it."""
    params = function.params
    names = {
        p.name.value
        for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        if p.default is not None and m.matches(p.default, m.Name("None"))
    }
    for assign in m.findall(function.body, m.Assign(value=m.Name("None"))):
        for target in cst.ensure_type(assign, cst.Assign).targets:
            if isinstance(target.target, cst.Name):
                names.add(target.target.value)
    for assign in m.findall(function.body, m.AnnAssign(target=m.Name(), value=m.Name("None"))):
        names.add(cst.ensure_type(cst.ensure_type(assign, cst.AnnAssign).target, cst.Name).value)
    return names


def may_be_none(node: cst.BaseExpression, names: set[str]) -> bool:
    """Whether ``node`` may be None, as far as the function shows: None itself, a
    name in ``names``, ``d.get(k)``, ``getattr(o, a, None)``, ``x if c else None``."""
    if isinstance(node, cst.Name):
        return node.value == "None" or node.value in names
    if isinstance(node, cst.IfExp):
        return may_be_none(node.body, names) or may_be_none(node.orelse, names)
    if isinstance(node, cst.Call):
        if m.matches(node.func, m.Attribute(attr=m.Name("get"))) and len(node.args) == 1:
            return True
        if m.matches(node.func, m.Name("getattr")) and len(node.args) == 3:
            return may_be_none(node.args[2].value, names)
    return False


def none_dicts(function: cst.FunctionDef, names: set[str]) -> set[str]:
    """Names of ``function`` bound to a dict that may hold a None value: a literal
    with one, or an item set to one (``params["page"] = page``)."""
    found = set()
    for node in m.findall(function.body, m.Assign()):
        assign = cst.ensure_type(node, cst.Assign)
        for target in assign.targets:
            if isinstance(target.target, cst.Name) and isinstance(assign.value, cst.Dict):
                if dict_may_hold_none(assign.value, names):
                    found.add(target.target.value)
            elif m.matches(target.target, m.Subscript(value=m.Name())):
                if may_be_none(assign.value, names):
                    subscript = cst.ensure_type(target.target, cst.Subscript)
                    found.add(cst.ensure_type(subscript.value, cst.Name).value)
    return found


def dict_may_hold_none(literal: cst.Dict, names: set[str]) -> bool:
    """Whether a dict literal may hold a None value (``**other`` may)."""
    return any(
        isinstance(e, cst.StarredDictElement) or may_be_none(e.value, names)
        for e in literal.elements
    )
