"""Which names MIG001 trusts to hold no None or bool value when sent as
``params=`` / ``data=`` (see ``http_common.sent_alike_names``); every other one
goes through ``requests_values`` (golden cases: ``http-client/params-flow``,
``http-client/bool-values``)."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from migrate.rewrite.rules.http_common import differing_names, parameter_names, sent_alike_names


def _free(source: str) -> bool:
    function = cst.ensure_type(cst.parse_module(textwrap.dedent(source)).body[0], cst.FunctionDef)
    names = sent_alike_names(function.body, differing_names(function), parameter_names(function))
    return "q" in names


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("def f(a):\n    q = {'a': a}\n    get(u, params=q)\n", id="a-literal"),
        pytest.param("def f(a):\n    q = [('a', a)]\n    get(u, params=q)\n", id="pairs"),
        pytest.param(
            "def f(a):\n    q = {}\n    q['a'] = a\n    log(q['a'])\n    get(u, params=q)\n",
            id="items-set-and-read",
        ),
        pytest.param("def f():\n    q = 'a=1'\n    post(u, data=q)\n", id="a-string"),
        pytest.param(
            "def f(n: int):\n    q = {'n': n, 'r': 1.5}\n    get(u, params=q)\n", id="numbers"
        ),
    ],
)
def test_a_name_bound_to_a_none_free_literal_is_trusted(source: str) -> None:
    assert _free(source)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("def f(q):\n    get(u, params=q)\n", id="a-parameter"),
        pytest.param("def f(a=None):\n    q = {'a': a}\n    get(u, params=q)\n", id="none-default"),
        pytest.param("def f(d):\n    q = {'a': d.get('a')}\n    get(u, params=q)\n", id="get"),
        pytest.param("def f(a):\n    q = build(a)\n    get(u, params=q)\n", id="a-call"),
        pytest.param(
            "def f(a, b=None):\n    q = {'a': a}\n    q['b'] = b\n    get(u, params=q)\n",
            id="item-may-be-none",
        ),
        pytest.param(
            "def f(a, o):\n    q = {'a': a}\n    q.update(o)\n    get(u, params=q)\n",
            id="updated",
        ),
        pytest.param(
            "def f(a):\n    q = {'a': a}\n    fill(q)\n    get(u, params=q)\n", id="handed-on"
        ),
        pytest.param(
            "def f(qs):\n    for q in qs:\n        get(u, params=q)\n", id="a-loop-target"
        ),
        pytest.param(
            "def f(a):\n    q = {'a': a}\n    q |= extra\n    get(u, params=q)\n", id="or-assigned"
        ),
        pytest.param("def f():\n    get(u, params=q)\n", id="not-bound-here"),
        pytest.param("def f():\n    q = {'a': True}\n    get(u, params=q)\n", id="a-bool"),
        pytest.param(
            "def f(a: bool):\n    q = {'a': a}\n    get(u, params=q)\n", id="annotated-bool"
        ),
        pytest.param(
            "def f(a=False):\n    q = [('a', a)]\n    get(u, params=q)\n", id="bool-default"
        ),
        pytest.param("def f(a):\n    q = {'a': a > 1}\n    get(u, params=q)\n", id="a-comparison"),
        pytest.param(
            "def f(a):\n    b = not a\n    q = {'b': b}\n    get(u, params=q)\n",
            id="assigned-a-bool",
        ),
        pytest.param(
            "def f(a):\n    q = {'a': [a, None]}\n    get(u, params=q)\n", id="none-in-a-list"
        ),
        pytest.param(
            "def f(a, b=None):\n    q = {'a': a or b}\n    get(u, params=q)\n", id="or-none"
        ),
    ],
)
def test_anything_else_is_not(source: str) -> None:
    assert not _free(source)
