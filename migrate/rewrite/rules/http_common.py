"""What the MIG001 http-client rule's parts share: the base class and small
node builders."""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from .base import Rule


class HttpRuleBase(Rule):
    """The rule's parts (calls, exceptions, sessions) are mixins of this class."""

    module: str  # the target HTTP module: "httpx" or "httpx2"

    def _httpx(self, attr: str) -> cst.Attribute:
        """``httpx.<attr>``, with the import it needs."""
        self.ctx.add_import(self.module)
        return cst.Attribute(value=cst.Name(self.module), attr=cst.Name(attr))


def _kw(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def _requests_defaults() -> list[cst.Arg]:
    """What a client needs to behave like requests: follow redirects, no timeout."""
    return [_kw("follow_redirects", cst.Name("True")), _kw("timeout", cst.Name("None"))]


def _append(args: list[cst.Arg], arg: cst.Arg) -> list[cst.Arg]:
    """Add a keyword after the others, giving the previous last one a comma."""
    if args:
        last = args[-1]
        comma = (
            last.comma
            if isinstance(last.comma, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        args = [*args[:-1], last.with_changes(comma=comma)]
    return [*args, arg]


def _is_kw(arg: cst.Arg, name: str) -> bool:
    return arg.keyword is not None and arg.keyword.value == name


def one_off_cookies(args: list[cst.Arg]) -> list[cst.Arg]:
    """Per-request ``cookies=`` is deprecated in httpx: a one-off client takes them."""
    return [_kw("cookies", a.value) for a in args if _is_kw(a, "cookies")]


def _is_raw_body(node: cst.BaseExpression) -> bool | None:
    """True for str/bytes literals, False for dicts/lists of pairs, None when unknown."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString | cst.FormattedString):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add | cst.Modulo):
        # "a=" + text, "%s" % x: a string built from a literal.
        if _is_raw_body(node.left) or (
            isinstance(node.operator, cst.Add) and _is_raw_body(node.right)
        ):
            return True
    if isinstance(node, cst.Call) and m.matches(
        node.func, m.Attribute(attr=m.Name("encode") | m.Name("dumps"))
    ):
        return True
    if isinstance(node, cst.Dict | cst.List | cst.Tuple | cst.DictComp):
        return False
    return None
