"""Which requests built by hand and sent move to httpx with their session, and
why the others stay on requests (analyse/prepared.py)."""

from __future__ import annotations

import ast
import textwrap

import pytest

from migrate.analyse.prepared import prepared_flows


def flows(body: str) -> dict[str, str | None]:
    """Each call of a flow, as written, -> why it stays (None: carried)."""
    function = ast.parse(textwrap.dedent(f"def f(s, url, t):\n{body}")).body[0]
    assert isinstance(function, ast.FunctionDef)
    found = prepared_flows(
        function,
        lambda node: "requests.Request" if ast.unparse(node) == "requests.Request" else None,
    )
    return {
        ast.unparse(node.func): found[id(node)].refusal
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and id(node) in found
    }


@pytest.mark.parametrize(
    "body",
    [
        "    p = s.prepare_request(requests.Request('GET', url))\n    return s.send(p, timeout=t)",
        "    return s.send(s.prepare_request(requests.Request('GET', url)), allow_redirects=False)",
        "    r = requests.Request('GET', url, {'A': '1'})\n    return s.send(s.prepare_request(r))",
        "    p = s.prepare_request(requests.Request('GET', url))\n"
        "    if len(str(p.url)) > 9 or f'{p.url}':\n"
        "        p.headers['M'] = p.method\n"
        "    return s.send(p)",
        "    s.prepare_request(requests.Request('GET', url))",
    ],
)
def test_carried(body: str) -> None:
    found = flows(body)
    assert "s.prepare_request" in found and "requests.Request" in found
    assert set(found.values()) == {None}, found


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (
            "    p = s.prepare_request(requests.Request('GET', url, auth=t))\n    return s.send(p)",
            "requests.Request(..., auth=...): httpx takes it when it sends",
        ),
        (
            "    p = s.prepare_request(requests.Request('GET', url))\n"
            "    return s.send(p, stream=True)",
            "s.send(..., stream=...): no httpx twin",
        ),
        (
            "    p = s.prepare_request(requests.Request('GET', url))\n"
            "    t = 3\n"
            "    return s.send(p, timeout=t)",
            "its timeout is bound in the function (it moves to where the request is built)",
        ),
        (
            "    p = s.prepare_request(requests.Request('GET', url))\n"
            "    return s.send(p, timeout=1), s.send(p, timeout=2)",
            "it is sent with different timeouts",
        ),
        (
            "    p = s.prepare_request(requests.Request('GET', url))\n"
            "    p.body = b''\n"
            "    return s.send(p)",
            "p.body reads the request requests prepared",
        ),
        (
            "    p = s.prepare_request(requests.Request('GET', url))\n"
            "    p = sign(p)\n"
            "    return s.send(p)",
            "p is bound again",
        ),
    ],
)
def test_refused(body: str, why: str) -> None:
    found = flows(body)
    assert set(found.values()) == {why}, found


@pytest.mark.parametrize(
    "body",
    [
        # Handed on, returned, made apart from where it is prepared, sent by another.
        "    return s.prepare_request(requests.Request('GET', url))",
        "    r = requests.Request('GET', url)\n    log(r)\n    return s.send(s.prepare_request(r))",
        "    p = requests.Request('GET', url).prepare()\n    return s.send(p)",
    ],
)
def test_not_followed(body: str) -> None:
    assert flows(body) == {}
