"""Shapes fuzzing found where a second ``migrate apply`` changed the tree again.

Each is a small real-looking module: the first apply must migrate it all the
way, and the second must find nothing left to do.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from migrate.cli import main
from migrate.verify.awaits import TreeFile, check_awaits


def apply(root: Path) -> str:
    result = CliRunner().invoke(main, ["apply", str(root), "--jobs", "1", "--force"])
    assert result.exit_code == 0, result.output
    return result.output


def migrate_twice(root: Path, name: str, source: str) -> str:
    """The module after one apply; a second apply must leave every file as it is."""
    (root / name).write_text(textwrap.dedent(source))
    apply(root)
    once = {p: p.read_bytes() for p in root.rglob("*.py")}
    apply(root)
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == once
    return (root / name).read_text()


# A module function that becomes async, and locals of the same name elsewhere
# (textwrap's ``indent`` parameter and variables hid textwrap.indent this way).
SHADOWED = """\
    import requests


    def indent(text):
        return requests.get("http://127.0.0.1:9/" + text, timeout=5).text


    def assigned(lines):
        indent = "  "
        return len(indent), sorted(lines, key=len), [indent + line for line in lines]


    def parameter(text, indent):
        return len(indent) + len(text)


    def loops(items):
        for indent in items:
            print(len(indent))
        with open(items[0]) as indent:
            print(indent)
        try:
            pass
        except ValueError as indent:
            print(indent)


    def comprehension(items):
        return [len(indent) for indent in items]


    def closure():
        indent = 3

        def inner():
            return len(indent)

        return inner


    def lambdas(items):
        return sorted(items, key=lambda indent: len(indent))


    def real(text):
        return indent(text)
    """


def test_a_local_that_shadows_a_function_that_became_async_is_left_alone(
    tmp_path: Path,
) -> None:
    text = migrate_twice(tmp_path, "shadowed.py", SHADOWED)
    assert "async_to_sync" not in text, text
    assert "async def indent" in text and "return await indent(text)" in text
    for kept in (
        "return len(indent), sorted(lines, key=len)",
        "return len(indent) + len(text)",
        "print(len(indent))",
        "return [len(indent) for indent in items]",
        "key=lambda indent: len(indent)",
    ):
        assert kept in text, kept
    for sync in ("assigned", "parameter", "loops", "comprehension", "closure", "lambdas"):
        assert f"\ndef {sync}(" in text, sync


def test_the_await_check_does_not_take_a_local_for_the_function(tmp_path: Path) -> None:
    old = "def indent(text):\n    return text\n"
    new = textwrap.dedent(
        """\
        async def indent(text):
            return text


        def local(items, indent):
            return [indent(x) for x in items], sorted(items, key=indent)


        def comprehension(items):
            return [indent(x) for indent in items for x in indent(items)]


        def first_iterable(items):
            return [x for indent in indent(items) for x in items]
        """
    )
    path = tmp_path / "mod.py"
    found = check_awaits([TreeFile(path, old + "\n", new)], [tmp_path])
    # Only the first iterable runs outside the comprehension, where indent is the function.
    assert [(p.line, p.callee) for p in found] == [(14, "mod.indent")]


# A nested function that becomes async is handed to a sync API as a callback
# (``_threading_local.create_dict``): the first run bridges the reference, and
# the second must not take that bridge for one a later step may unwind.
CALLBACK = """\
    import time
    from weakref import ref


    class Registry:
        def __init__(self):
            self.refs = {}

        def track(self, thing):
            key = id(thing)

            def forget(_, key=key):
                time.sleep(0)
                self.refs.pop(key, None)

            self.refs[key] = ref(thing, forget)
            return key
    """


def test_a_bridged_callback_is_not_unwound_by_the_next_run(tmp_path: Path) -> None:
    text = migrate_twice(tmp_path, "registry.py", CALLBACK)
    assert "async def forget" in text and "ref(thing, async_to_sync(forget))" in text
    assert "    def track(self, thing):" in text


# A single fetch before a loop that fetches per item (graphlib's ``add``): the
# first run splits the loop into a gather and a loop over its results, and the
# second must not join that gather to the single fetch before it.
BESIDE_A_GATHER = """\
    import requests


    class Node:
        def __init__(self, name):
            self.name = name
            self.waiting = 0
            self.successors = []


    class Graph:
        def __init__(self):
            self.nodes = {}

        def info(self, name):
            requests.get(f"http://127.0.0.1:9/{name}", timeout=5)
            if (node := self.nodes.get(name)) is None:
                node = Node(name)
            return node

        def add(self, name, *predecessors):
            node = self.info(name)
            node.waiting += len(predecessors)

            # Create the predecessor -> node edges
            for pred in predecessors:
                pred_node = self.info(pred)
                pred_node.successors.append(name)
    """


def test_a_gather_written_by_the_first_run_is_not_gathered_again(tmp_path: Path) -> None:
    text = migrate_twice(tmp_path, "graph.py", BESIDE_A_GATHER)
    assert "node = await self.info(name)" in text
    gathers = ("gather_in_order(", "gather_outcomes(")
    assert sum(text.count(g) - text.count(f"def {g}") for g in gathers) == 1


# Two fetches and a call bridged through a module alias in one statement: the
# first run leaves them in order (a bridged call is not gathered with fetches),
# and the second must see the same bridge in ``await read_note_async(...)``.
BESIDE_A_BRIDGE = """\
    import requests


    def show(i):
        return requests.get(f"http://127.0.0.1:9/shows/{i}", timeout=5).json()


    def bundle(i):
        return requests.get(f"http://127.0.0.1:9/bundles/{i}", timeout=5).json()


    def read_note(i):
        with open(f"/tmp/note-{i}") as f:
            return f.read()


    async def page(i):
        return {"show": show(i), "bundle": bundle(i), "note": read_note(i)}
    """


def test_a_call_through_a_bridge_alias_is_seen_as_the_bridge_it_is(tmp_path: Path) -> None:
    text = migrate_twice(tmp_path, "pages.py", BESIDE_A_BRIDGE)
    assert "= sync_to_async(read_note" in text
