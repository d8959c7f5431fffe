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
