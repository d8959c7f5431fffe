"""MIG001, query parameters given with a URL that may have a query of its own.

requests adds ``params`` to the query the URL already has; httpx replaces it
(``?page=2`` from a next page's link is lost, and the loop that follows the
links asks for the first page forever). Where the URL is a name (``url``,
``self.next_url``), as a function handed a next page's link has it, or is
written with a literal query (``"/search?q=x"``, ``base + "/search?q=x"``),
``params=`` goes through ``requests_params(url, params)``, the package helper
that keeps the URL's query first, as requests did. A URL built from parts with
no ``?`` written (``f"{base}/items"``, ``base + path``, ``url_for(...)``) is
left as it is: repeating the expression would read worse than the rare query
it could carry.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from ..nodes import is_keyword

REQUESTS_PARAMS = "requests_params"


def url_given(call: cst.Call, firsts: tuple[str, ...]) -> cst.BaseExpression | None:
    """The URL a request call is given (``firsts``: its leading parameters' names)."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if len(positional) >= len(firsts):
        return positional[len(firsts) - 1].value
    return next((a.value for a in call.args if is_keyword(a, "url")), None)


def may_have_query(url: cst.BaseExpression) -> bool:
    """Whether the URL is a name (what it holds may carry a query) or has ``?`` in
    its written text (``base + "/search?q=x"`` too)."""
    if isinstance(url, cst.Name | cst.Attribute):
        return True
    return written_query(url)


def written_query(url: cst.BaseExpression) -> bool:
    """Whether a ``?`` is written in the URL's text (a literal, or a part of one built
    with ``+`` or an f-string)."""
    if isinstance(url, cst.SimpleString):
        return "?" in url.value
    if isinstance(url, cst.FormattedString):
        return any("?" in p.value for p in url.parts if isinstance(p, cst.FormattedStringText))
    if isinstance(url, cst.ConcatenatedString):
        return written_query(url.left) or written_query(url.right)
    if isinstance(url, cst.BinaryOperation) and isinstance(url.operator, cst.Add):
        return written_query(url.left) or written_query(url.right)
    return False


def with_query(ctx: RuleContext, url: cst.BaseExpression, params: cst.BaseExpression) -> cst.Call:
    """``requests_params(url, params)``: the helper sends them as requests does (a
    literal's None values, which requests leaves out, go here already)."""
    if isinstance(params, cst.Dict):
        kept = [
            e
            for e in params.elements
            if not (isinstance(e, cst.DictElement) and m.matches(e.value, m.Name("None")))
        ]
        if kept and len(kept) != len(params.elements):
            kept[-1] = kept[-1].with_changes(comma=params.elements[-1].comma)
        params = params.with_changes(elements=kept)
    return cst.Call(
        cst.Name(ctx.use_helper(REQUESTS_PARAMS)),
        [cst.Arg(url.deep_clone()), cst.Arg(params)],
    )
