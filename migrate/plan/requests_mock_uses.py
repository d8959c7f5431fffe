"""Uses of requests-mock in a test file that respx has no twin for.

The rewrite moves a requests-mock mocker to respx registration by
registration; one it cannot carry (``additional_matcher=``, ``cookies=``, a
``Mocker(real_http=True)``, a mocker kept on the test case, ``self.m =
requests_mock.Mocker()``, whose registrations it does not follow) would be
left half moved: a TODO, and a test that fails. A file using one keeps its
requests-mock mocks whole instead, and respx hands httpx's requests to them
(see plan/mock_scope, ``Mixed.held``), so every test still answers as before.
"""

from __future__ import annotations

import ast

from ..analyse.catalogue import HTTP_VERBS

# ``requests_mock.Mocker(...)`` options respx has no twin for, and the TODO the
# rewrite writes for each (a file using one keeps its mocks whole).
MOCKER_OPTIONS = {
    "real_http": "real_http=True let unmatched requests through; respx fails them",
    "json_encoder": "json_encoder= not ported: respx encodes json= with json.dumps",
    "session": "session= not ported: respx mocks every client",
    "adapter": "adapter= not ported to respx",
}
# Registration keywords (``m.get(url, cookies=...)``) the rewrite has no twin for.
UNPORTED_ANSWERS = ("additional_matcher", "cookies", "raw", "body")
# What registers an answer: the mocker's verbs, ``request`` and ``register_uri``.
REGISTERING = frozenset({*HTTP_VERBS, "request", "register_uri"})


def requests_mock_unported(tree: ast.Module) -> str:
    """Why the requests-mock mocks of a test file parsed as ``tree`` stay whole
    ("" when they can move)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _mocker(node.func):
            found += [
                (node.lineno, f"{kw.arg}={_constant(kw.value)}")
                for kw in node.keywords
                if kw.arg in MOCKER_OPTIONS
                and not (isinstance(kw.value, ast.Constant) and kw.value.value is False)
            ]
        elif isinstance(node, ast.Call) and _registers(node.func):
            found += [
                (node.lineno, f"{kw.arg}=") for kw in node.keywords if kw.arg in UNPORTED_ANSWERS
            ]
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            held = [t for t in node.targets if isinstance(t, ast.Attribute)]
            if held and _mocker(node.value.func):
                found.append((node.lineno, "a Mocker kept on an object"))
    if not found:
        return ""
    found.sort()
    uses = "; ".join(f"{what} (line {line})" for line, what in found[:3])
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    verb = "have" if len(found) > 1 else "has"
    return f"requests-mock's {uses}{more} {verb} no respx twin"


def _constant(value: ast.expr) -> str:
    """``True`` for ``real_http=True``: a constant as written, nothing for others."""
    return ast.unparse(value) if isinstance(value, ast.Constant) else ""


def _registers(func: ast.expr) -> bool:
    """``m.get``, ``mocker.register_uri``: a registration, not requests' own call
    (``requests.get(url, cookies=...)``)."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr in REGISTERING
        and not (isinstance(func.value, ast.Name) and func.value.id == "requests")
    )


def _mocker(func: ast.expr) -> bool:
    """``requests_mock.Mocker`` (or ``requests_mock.mock``, the same class) or
    ``Mocker`` as imported from it."""
    if isinstance(func, ast.Attribute):
        named = isinstance(func.value, ast.Name) and func.value.id == "requests_mock"
        return func.attr == "Mocker" or (named and func.attr == "mock")
    return isinstance(func, ast.Name) and func.id == "Mocker"
