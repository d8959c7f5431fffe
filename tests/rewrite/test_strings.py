"""Expressions moved into and out of f-strings (migrate/rewrite/strings.py).

What the gather rule writes when it inlines ``url = ...`` into the call or
lifts a call out of an f-string: the new code must mean what the old did
(checked by evaluating both) and read as a person would write it.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from migrate.rewrite.strings import requote, substitute

NAMES: dict[str, Any] = {"base": "http://api", "i": 7, "a": 2, "b": 3, "total": 10}


def substituted(code: str, values: dict[str, str]) -> str:
    return cst.Module([]).code_for_node(substitute(cst.parse_expression(code), values))


def test_a_plain_string_spliced_into_an_f_string_keeps_its_braces_literal() -> None:
    held = {"url": '"/items/{raw}"'}
    new = substituted('f"{url}?full=1"', held)
    assert new == 'f"/items/{{raw}}?full=1"'
    assert eval(new) == eval('f"{url}?full=1"', {"url": eval(held["url"])})


def test_an_f_string_spliced_into_an_f_string() -> None:
    new = substituted('f"{url}?full=1"', {"url": 'f"{base}/{i}"'})
    assert new == 'f"{base}/{i}?full=1"'
    assert eval(new, NAMES) == "http://api/7?full=1"


def test_a_sum_held_by_a_name_gets_brackets_only_where_it_needs_them() -> None:
    held = {"n": "a + b"}
    assert substituted("fetch(n)", held) == "fetch(a + b)"
    assert substituted('f"{n}"', held) == 'f"{a + b}"'
    new = substituted("total * n", held)
    assert new == "total * (a + b)"
    assert eval(new, NAMES) == 50


def test_requote_leaves_triple_quoted_strings_alone() -> None:
    code = "lookup('''x''', 'y')"
    assert cst.Module([]).code_for_node(requote(cst.parse_expression(code), '"')) == (
        "lookup('''x''', \"y\")"
    )
