"""Which urlopen shapes MIG012 carries, and why the others stay on urllib."""

from __future__ import annotations

import ast

import pytest

from migrate.analyse.urllib_shapes import (
    URLOPEN,
    built_just_before,
    urlopen_method,
    urlopen_refusal,
)

NAMES = {"urlopen": URLOPEN, "Request": "urllib.request.Request", "json.load": "json.load"}


def refusal(body: str) -> str | None:
    function = ast.parse(f"def f(url, sink):\n{body}").body[0]
    call = next(
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "urlopen"
    )
    return urlopen_refusal(URLOPEN, call, function, lambda node: NAMES.get(ast.unparse(node)))


@pytest.mark.parametrize(
    "body",
    [
        "    with urlopen(url, timeout=3) as r:\n        return json.load(r)",
        "    r = urlopen(Request(url, data=b'x', method='PUT'))\n    return r.status, r.read()",
        "    return urlopen(url).getheader('ETag')",
        "    return urlopen(url, b'payload').read()",
        "    urlopen(url)",
        "    with urlopen(url) as r:\n        return r.headers['X'], r.getcode(), r.geturl()",
        "    with urlopen(url) as r, open('f', 'wb') as out:\n        out.write(r.read())",
        "    with open('f') as src, urlopen(url) as r:\n        return src.read(), r.read()",
        "    with urlopen(url) as r, urlopen(url + '/2'):\n        return r.read()",
        "    req = Request(url, data=b'x', method='PUT')\n    return urlopen(req).read()",
        "    req = Request(url)\n    try:\n        with urlopen(req, timeout=3) as r:\n"
        "            return r.read()\n    except OSError:\n        return None",
    ],
)
def test_carried(body: str) -> None:
    assert refusal(body) is None


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("    r = urlopen(url)\n    return r.fp", "response.fp has no httpx twin"),
        ("    r = urlopen(url)\n    sink(r)", "handed on as a file object"),
        ("    return urlopen(url).read(10)", "reads part of the body"),
        ("    return urlopen(url, context=None).read()", "urlopen(context=...)"),
        ("    return urlopen(url, None, 3).read()", "arguments are not url, data, timeout"),
        ("    req = Request(url)\n    sink(req)\n    return urlopen(req).read()", "built apart"),
        (
            "    req = Request(url)\n    req.add_header('X', '1')\n    return urlopen(req).read()",
            "built apart",
        ),
        ("    req = Request(url)\n    for _ in url:\n        urlopen(req).read()", "built apart"),
        ("    req = Request(url, context=1)\n    return urlopen(req).read()", "Request(context="),
        ("    r = urlopen(url)\n    return r.headers.get_content_charset()", "email.message"),
        ("    if urlopen(url).status:\n        pass", "compound statement"),
        ("    r = urlopen(url)\n    r = urlopen(url)\n    return r.read()", "bound more than once"),
    ],
)
def test_kept_with_reason(body: str, why: str) -> None:
    reason = refusal(body)
    assert reason is not None and reason.startswith("stays on urllib: ")
    assert why in reason


@pytest.mark.parametrize(
    ("body", "method"),
    [
        ("    urlopen(url)", "GET"),
        ("    urlopen(url, None)", "GET"),
        ("    urlopen(url, b'x')", "POST"),
        ("    urlopen(url, data=payload)", "POST"),
        ("    urlopen(Request(url, b'x'))", "POST"),
        ("    urlopen(Request(url, method='delete'))", "DELETE"),
        ("    urlopen(Request(url, b'x', method='PUT'))", "PUT"),
        ("    urlopen(Request(url, method=verb))", "REQUEST"),
        ("    req = Request(url, data=b'x')\n    urlopen(req)", "POST"),
    ],
)
def test_the_method_urlopen_sends(body: str, method: str) -> None:
    function = ast.parse(f"def f(url, payload, verb):\n{body}").body[0]
    call = next(
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "urlopen"
    )

    def resolve(node: ast.AST) -> str | None:
        return NAMES.get(ast.unparse(node))

    built = built_just_before(call, function, resolve)
    assert urlopen_method(call, built, resolve) == method
