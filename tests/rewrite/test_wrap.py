"""Wrapping lines the rewrite made too long (migrate/rewrite/wrap.py).

The oracle is ruff's formatter: a long statement the rewrite made must come
out as ``ruff format`` would lay it out at the same line length, and the
program must stay the same.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrate.rewrite.wrap import wrap_changed_lines

RUFF = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
LIMIT = 60


def ruff_format(code: str, limit: int = LIMIT) -> str:
    result = subprocess.run(
        [RUFF, "format", "--isolated", "--line-length", str(limit), "-"],
        input=code,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


LONG = [
    "result = await client.get(url, params=query, headers=headers, timeout=5)\n",
    "return await gather_in_order((fetch(i) for i in ids), limit=10)\n",
    "value = async_to_sync(load_report)(report_id, include_archived=True)\n",
    "items = {key: await fetch_value(key) for key in sorted(keys)}\n",
    "client = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)\n",
    'response = await session.post(base + "/items", json={"name": name, "tags": tags})\n',
    pytest.param(
        'names = [item["name"] for item in await gather_in_order(*calls, limit=limit)]\n',
        marks=pytest.mark.xfail(
            strict=True, reason="a comprehension clause still too long is not split again"
        ),
    ),
    "x = first_function_name(argument_one)[index_value].method_name(argument_two)\n",
    # A generator's own commas (``for name, check in``) are no elements to cut at.
    "found = dict(await gather_in_order((fetch(n, check) for n, check in pairs), limit=9))\n",
    # A lone argument split in turn takes no trailing comma.
    "data = json.loads(await self.client.get_text_of_page(name, revision, include=True))\n",
    # A tuple of three returned or yielded bare goes in brackets, one element per
    # line; one of two where neither has a bracket to split at.
    "return await client.user(), await client.rename(name), await feed.entries()\n",
    "yield await client.user(), await client.rename(name), await feed.entries()\n",
    "return response.status_code_of_the_request, not response.is_error_or_not\n",
    "return await client.user(), await client.rename(name, force=True, notify=False)\n",
]


@pytest.mark.parametrize("statement", LONG, ids=[str(i) for i in range(len(LONG))])
def test_a_long_statement_is_laid_out_as_ruff_format_would(statement: str) -> None:
    source = "async def f():\n    " + statement
    assert max(map(len, source.splitlines())) > LIMIT
    wrapped = wrap_changed_lines(source, "", LIMIT)
    assert ast.dump(ast.parse(wrapped)) == ast.dump(ast.parse(source))
    assert wrapped == ruff_format(source)


COMPREHENSIONS = [
    'names = [item["name"] for item in await load_all_items(source) if item.get("on")]\n',
    "total = sum(await fetch_value(key) for key in sorted(all_the_keys) if key)\n",
    "result = await gather_in_order((fetch_item(client, i) for i in ids), limit=10)\n",
    "values = list(await fetch_value(key) for key in keys_of_the_thing if key not in seen)\n",
    "totals = [row.price * await fetch_rate(row.currency) for row in order_rows if row.price]\n",
]


@pytest.mark.parametrize("limit", [50, 60, 72])
@pytest.mark.parametrize("statement", COMPREHENSIONS, ids=[s[:6] for s in COMPREHENSIONS])
def test_comprehension_clauses_split_as_ruff_format_would(statement: str, limit: int) -> None:
    source = "async def f():\n    " + statement
    assert wrap_changed_lines(source, "", limit) == ruff_format(source, limit)


def test_elements_of_a_bracket_already_split_are_one_per_line() -> None:
    source = textwrap.dedent(
        """\
        async def f():
            value = await compute(
                first_argument_value, second_argument_value, third_argument_value
            )
        """
    )
    wrapped = wrap_changed_lines(source, "", LIMIT)
    assert wrapped == ruff_format(source)


def test_lines_that_fit_are_left_alone() -> None:
    source = "x = f(a, b)\n"
    assert wrap_changed_lines(source, "", LIMIT) is source


def test_a_line_the_original_already_had_is_the_projects_business() -> None:
    line = "value = some_function(first_argument, second_argument, third)\n"
    source = line + "other = await some_function(first_argument, second_argument, x)\n"
    wrapped = wrap_changed_lines(source, line, 50)
    assert wrapped.splitlines()[0] == line.rstrip("\n")
    assert len(wrapped.splitlines()) > 2


def test_a_line_with_a_comment_is_left_alone() -> None:
    source = "value = await some_function(first_argument, second_argument)  # why\n"
    assert wrap_changed_lines(source, "", 40) == source


def test_an_unsplittable_line_is_left_as_it_is() -> None:
    source = "value = a_very_long_name_without_any_brackets_in_it_at_all_really\n"
    assert wrap_changed_lines(source, "", 40) == source


def test_the_last_line_keeps_having_no_newline() -> None:
    source = "value = await some_function(first_argument, second_argument, third)"
    wrapped = wrap_changed_lines(source, "", 50)
    assert not wrapped.endswith("\n")
    assert wrapped == ruff_format(source, 50).rstrip("\n")


def test_crlf_line_endings_are_kept() -> None:
    source = "value = await some_function(first_argument, second_argument, x)\r\ny = 1\r\n"
    wrapped = wrap_changed_lines(source, "", 50)
    assert wrapped.count("\r\n") == len(wrapped.splitlines())
    assert wrapped.replace("\r\n", "\n") == ruff_format(source.replace("\r\n", "\n"), 50)


def test_a_with_of_two_calls_splits_its_tail_as_well() -> None:
    source = (
        "async def f():\n"
        "    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as client,"
        ' client.stream("GET", base + f"/feeds/{name}", timeout=5) as r:\n'
        "        return r\n"
    )
    wrapped = wrap_changed_lines(source, "", LIMIT)
    assert max(map(len, wrapped.splitlines())) <= LIMIT
    assert ast.dump(ast.parse(wrapped)) == ast.dump(ast.parse(source))
    assert wrapped == textwrap.dedent(
        """\
        async def f():
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None
            ) as client, client.stream(
                "GET", base + f"/feeds/{name}", timeout=5
            ) as r:
                return r
        """
    )


DEFS = [
    "async def list(self, iterator: bool = False) -> Union[ObjectList, List[Obj]]:\n",
    "async def fetch_all(self, ids, limit=10) -> dict[str, list[Item]]:\n",
    "async def http_request(self, verb: str, path: str, query_data=None, **kwargs):\n",
]


@pytest.mark.parametrize("statement", DEFS, ids=[str(i) for i in range(len(DEFS))])
def test_a_long_def_is_split_at_its_parameters_as_ruff_format_would(statement: str) -> None:
    source = "class C:\n    " + statement + "        pass\n"
    assert max(map(len, source.splitlines())) > LIMIT
    assert wrap_changed_lines(source, "", LIMIT) == ruff_format(source)
