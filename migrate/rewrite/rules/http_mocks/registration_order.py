"""Which requests-mock registration answers: the latest that matches, where respx
takes the first route that matches.

Registrations made one after the other on one mocker are written in the order
that makes respx pick what requests-mock picked (:func:`respx_order`). Two
registrations of the same route (same method, URL and request headers) are
one respx route, updated in place by the later one, so they keep their order
among themselves. A registration made after other code ran (a request may
have been answered in between) cannot be moved above it: one that may match
a request an earlier one matches gets a TODO instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import libcst as cst

from ...nodes import code_of, dotted_name, string_value


@dataclass(frozen=True)
class Registration:
    """What one registration matches: on which mocker, which method and URL."""

    mocker: str
    method: str | None  # None: any method
    url: str | None  # the URL's value when known, else its code; None: any URL
    url_known: bool
    headers: str  # the code of ``request_headers=``, "" for none

    def same_route(self, other: Registration) -> bool:
        """One respx route: the later registration replaces the earlier's answer."""
        return (self.method, self.url, self.headers) == (other.method, other.url, other.headers)

    def may_overlap(self, other: Registration) -> bool:
        """Whether a request may match both (and the order decides which answers)."""
        if self.mocker != other.mocker or self.same_route(other):
            return False
        if self.method and other.method and self.method != other.method:
            return False
        if self.url is None or other.url is None or not (self.url_known and other.url_known):
            return True
        # requests-mock and respx both match a URL without a query whatever the
        # request's query is: only another host or path keeps two apart.
        mine, theirs = urlsplit(self.url), urlsplit(other.url)
        if mine.netloc and theirs.netloc:
            return (mine.netloc.lower(), mine.path.lower()) == (
                theirs.netloc.lower(),
                theirs.path.lower(),
            )
        return True


def registration(call: cst.Call, mocker: str, constants: dict[str, str]) -> Registration | None:
    """What ``m.get(url, ...)`` / ``m.register_uri(method, url, ...)`` matches;
    None when its method or URL is not written out (``**options``)."""
    if not isinstance(call.func, cst.Attribute) or any(a.star for a in call.args):
        return None
    verb = call.func.attr.value
    positional = [a.value for a in call.args if a.keyword is None]
    keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    method: str | None = verb
    if verb in ("request", "register_uri"):
        node = positional.pop(0) if positional else keywords.get("method")
        if node is None:
            return None
        method = string_value(node)
        if method is None and dotted_name(node) != "requests_mock.ANY":
            return None
        method = method.lower() if method else None
    url_node = positional.pop(0) if positional else keywords.get("url")
    if url_node is None or dotted_name(url_node) == "requests_mock.ANY":
        url, known = None, True
    else:
        value = _text(url_node, constants)
        url, known = (value, True) if value is not None else (code_of(url_node), False)
    headers = keywords.get("request_headers")
    return Registration(mocker, method, url, known, code_of(headers) if headers else "")


def _text(node: cst.BaseExpression, constants: dict[str, str]) -> str | None:
    """The value of a string literal, a module constant, or a sum of them."""
    if isinstance(node, cst.Name):
        return constants.get(node.value)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        left, right = _text(node.left, constants), _text(node.right, constants)
        return None if left is None or right is None else left + right
    return string_value(node)


def module_constants(module: cst.Module) -> dict[str, str]:
    """String constants a module binds once at its top level (``URL = "https://..."``)."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = small.targets[0].target
                if isinstance(target, cst.Name):
                    value = _text(small.value, found)
                    if value is not None and target.value not in seen:
                        found[target.value] = value
                    else:
                        found.pop(target.value, None)
                    seen.add(target.value)
    return found


def respx_order(run: list[Registration]) -> list[int]:
    """Indices of ``run`` (registrations made one after the other) in the order
    that makes respx answer as requests-mock did: routes by their latest
    registration, latest first; registrations of one route in their own order."""
    if not any(b.may_overlap(a) for i, a in enumerate(run) for b in run[i + 1 :]):
        return list(range(len(run)))
    last = [max(j for j, other in enumerate(run) if other.same_route(reg)) for reg in run]
    return sorted(range(len(run)), key=lambda i: (-last[i], i))
