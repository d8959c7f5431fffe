"""What code reads and changes (migrate/analyse/dataflow.py), on small snippets.

A fetch may only move ahead of the code around it when nothing that code
changes is something the fetch reads: each test states one such fact.
"""

from __future__ import annotations

import ast

import pytest

from migrate.analyse.dataflow import (
    assigned_names,
    conflicts,
    is_pure,
    path_of,
    reads,
    touches,
    walk_local,
    writes,
)


def expr(source: str) -> ast.expr:
    return ast.parse(source, mode="eval").body


def stmts(source: str) -> list[ast.stmt]:
    return ast.parse(source).body


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ("name", "name"),
        ("self.api.fetch", "self.api.fetch"),
        ("f().attr", None),
        ("items[0]", None),
        ("'text'.upper", None),
    ],
)
def test_path_of_names_dotted_chains_only(source: str, path: str | None) -> None:
    assert path_of(expr(source)) == path


def test_walk_local_stays_out_of_nested_scopes() -> None:
    (function,) = stmts(
        "def outer():\n"
        "    a = 1\n"
        "    def inner():\n"
        "        b = 2\n"
        "    async def ainner():\n"
        "        c = 3\n"
        "    class K:\n"
        "        d = 4\n"
        "    f = lambda: e\n"
    )
    seen = {n.id for n in walk_local(function) if isinstance(n, ast.Name)}
    assert seen == {"a", "f"}


def test_reads_take_the_longest_path_and_a_method_reads_its_receiver() -> None:
    assert reads(expr("self.api.fetch(i)")) == {"self.api", "i"}
    assert reads(expr("session.get(base + path, params=query)")) == {
        "session",
        "base",
        "path",
        "query",
    }
    assert reads(expr("self.config.timeout")) == {"self.config.timeout"}
    assert reads(expr("fetch(x)")) == {"fetch", "x"}


def test_reads_ignore_stores_and_nested_functions() -> None:
    (assign,) = stmts("total = count + self.offset")
    assert reads(assign) == {"count", "self.offset"}
    (function,) = stmts("def f():\n    g = lambda: hidden\n    return shown\n")
    assert reads(function) == {"shown"}


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("a, (b, *c) = value", ["a", "b", "c"]),
        ("self.seen[key] = 1", ["self.seen"]),
        ("total += 1", ["total"]),
        ("total: int = 0", ["total"]),
        ("for i, item in pairs: pass", ["i", "item"]),
        ("del cache[key], other", ["cache", "other"]),
        ("global counter", ["counter"]),
        ("import os.path as p, json", ["p", "json"]),
        ("import os.path", ["os"]),
        ("from x import y as z", ["z"]),
        ("def helper(): pass", ["helper"]),
        ("class Thing: pass", ["Thing"]),
    ],
)
def test_assigned_names_of_each_binding_statement(source: str, names: list[str]) -> None:
    (node,) = stmts(source)
    assert list(assigned_names(node)) == names


def test_assigned_names_of_with_except_walrus_and_comprehension() -> None:
    (with_,) = stmts("with open(p) as handle, lock: pass")
    assert [n for item in with_.items for n in assigned_names(item)] == ["handle"]
    (try_,) = stmts(
        "try:\n    pass\nexcept ValueError as error:\n    pass\nexcept OSError:\n    pass"
    )
    assert [n for h in try_.handlers for n in assigned_names(h)] == ["error"]
    assert list(assigned_names(expr("(found := lookup())"))) == ["found"]
    comp = expr("[x for x, y in pairs]")
    assert isinstance(comp, ast.ListComp)
    assert list(assigned_names(comp.generators[0])) == ["x", "y"]
    assert list(assigned_names(expr("value"))) == []


def test_writes_by_assignment_and_by_methods_that_change_their_receiver() -> None:
    # add/append change their receiver, and may change what they are handed;
    # logging only reads.
    changed = writes(stmts("self.seen.add(i)\nlog.info('x %s', j)\nresult = 1\nparts.append(x)"))
    assert set(changed) == {"self.seen", "i", "result", "parts", "x"}


def test_writes_keep_the_first_node_that_changes_a_path() -> None:
    first, second = stmts("count = 1\ncount = 2")
    assert writes([first, second])["count"] is first


def test_an_unknown_call_may_change_what_it_is_handed_a_pure_one_does_not() -> None:
    assert set(writes(stmts("update(record, key=self.state)"))) == {"record", "self.state"}
    assert set(writes(stmts("update(*rows)"))) == {"rows"}
    assert writes(stmts("len(record)\nsorted(items)\nquote(path)")) == {}
    assert writes(stmts("text.upper(suffix)")) == {}


def test_quiet_calls_change_nothing() -> None:
    (statement,) = stmts("client.fetch(params)")
    call = statement.value
    assert isinstance(call, ast.Call)
    assert set(writes([statement])) == {"client", "params"}
    assert writes([statement], quiet=frozenset({id(call)})) == {}


def test_a_nested_definition_binds_its_name() -> None:
    (function,) = stmts(
        "def outer():\n    def inner():\n        pass\n    class K:\n        pass\n"
    )
    assert set(writes(function.body)) == {"inner", "K"}


@pytest.mark.parametrize(
    ("read", "written", "touched"),
    [
        ("self.api.fetch", "self.api.fetch", True),
        ("self.api.fetch", "self", True),
        ("self", "self.api", True),
        ("self.api.fetch", "self.seen", False),
        ("self.apis", "self.api", False),
        ("param", "params", False),
    ],
)
def test_touches_follows_the_path_prefix(read: str, written: str, touched: bool) -> None:
    assert touches(read, written) is touched


def test_conflicts_pairs_every_read_with_what_touches_it_sorted() -> None:
    found = conflicts(["self.api", "ids", "base"], ["self", "ids", "other"])
    assert found == [("ids", "ids"), ("self.api", "self")]
    assert conflicts(["a"], iter(["a"])) == [("a", "a")]


@pytest.mark.parametrize(
    ("source", "pure"),
    [
        ("len(items) + 1", True),
        ("str(x).upper()", True),
        ("urllib.parse.quote(path)", True),
        ("f'{base}/{i}'", True),
        ("fetch(i)", False),
        ("self.api.get(i)", True),
        ("self.api.fetch(i)", False),
        ("[x for x in items]", True),
        ("(n := 1)", False),
        ("lambda: 1", False),
        ("factories[0]()", False),
    ],
)
def test_is_pure(source: str, pure: bool) -> None:
    assert is_pure(expr(source)) is pure


def test_is_pure_rejects_awaits_and_yields() -> None:
    (function,) = stmts("async def f():\n    return await x\n")
    assert not is_pure(function.body[0])
    (gen,) = stmts("def g():\n    yield x\n")
    assert not is_pure(gen.body[0])
