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

# Registration and Mocker keywords the rewrite gives a TODO rather than a twin.
UNPORTED = {
    "additional_matcher": "additional_matcher=",
    "cookies": "cookies=",
    "raw": "raw=",
    "body": "body=",
    "json_encoder": "json_encoder=",
    "adapter": "adapter=",
}


def requests_mock_unported(text: str) -> str:
    """Why ``text``'s requests-mock mocks stay whole ("" when they can move)."""
    if "requests_mock" not in text:
        return ""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return ""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += [(node.lineno, UNPORTED[kw.arg]) for kw in node.keywords if kw.arg in UNPORTED]
            if _mocker(node.func):
                found += [
                    (node.lineno, "real_http=True")
                    for kw in node.keywords
                    if kw.arg == "real_http"
                    and not (isinstance(kw.value, ast.Constant) and kw.value.value is False)
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


def _mocker(func: ast.expr) -> bool:
    """``requests_mock.Mocker`` or ``Mocker`` as imported from it."""
    if isinstance(func, ast.Attribute):
        return func.attr == "Mocker"
    return isinstance(func, ast.Name) and func.id == "Mocker"
