"""Futures lists of a thread pool that became a gather are named for what they hold."""

from __future__ import annotations

import ast
import textwrap

from migrate.analyse.gathers.futures import result_renames
from migrate.analyse.gathers.model import span_of


def renamed(source: str) -> str:
    """``source`` with the renames applied, as the rewrite would."""
    tree = ast.parse(textwrap.dedent(source))
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    comp = next(n for n in ast.walk(function) if isinstance(n, ast.ListComp))
    names = dict(result_renames(function, span_of(comp)))
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and span_of(node) in names:
            node.id = names[span_of(node)]
    return ast.unparse(function)


def test_the_list_and_its_loop_variables_are_named_after_the_submitted_function() -> None:
    out = renamed(
        """
        def names(pool, ids):
            futures = [pool.submit(get_user, base, i) for i in ids]
            for future in futures:
                log(future.result())
            return [f.result()["name"] for f in futures]
        """
    )
    assert "users = [pool.submit(get_user, base, i) for i in ids]" in out
    assert "for user in users:\n        log(user.result())" in out
    assert "[user.result()['name'] for user in users]" in out


def test_names_already_taken_are_not_reused() -> None:
    out = renamed(
        """
        def names(pool, ids, user):
            futures = [pool.submit(get_user, i) for i in ids]
            users = [f.result() for f in futures]
            return users, user
        """
    )
    assert "users_2 = [pool.submit(get_user, i) for i in ids]" in out
    assert "[fetched_user.result() for fetched_user in users_2]" in out


def test_names_that_do_not_speak_of_futures_stay() -> None:
    source = """
        def names(pool, ids):
            profiles = [pool.submit(get_user, i) for i in ids]
            return [p.result() for p in profiles]
        """
    assert renamed(source) == ast.unparse(ast.parse(textwrap.dedent(source)).body[0])


def test_a_name_a_nested_function_sees_stays() -> None:
    source = """
        def names(pool, ids):
            futures = [pool.submit(get_user, i) for i in ids]
            first = lambda: futures[0]
            return [f.result() for f in futures], first
        """
    assert renamed(source) == ast.unparse(ast.parse(textwrap.dedent(source)).body[0])


def test_a_loop_variable_used_for_more_than_its_result_stays() -> None:
    out = renamed(
        """
        def names(pool, ids):
            futures = [pool.submit(get_user, i) for i in ids]
            for future in futures:
                future.add_done_callback(print)
            return futures
        """
    )
    assert "for future in users:\n        future.add_done_callback(print)" in out
