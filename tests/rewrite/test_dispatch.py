"""Rules register for the node types they handle; the transformer calls only those."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper

from migrate.plan.edits import FileEdits
from migrate.rewrite.context import RuleContext
from migrate.rewrite.options import RewriteOptions
from migrate.rewrite.rules.base import Rule, on_leave, on_visit
from migrate.rewrite.transformer import MigrationTransformer


def _run(source: str, *rules: type[Rule]) -> tuple[str, RuleContext]:
    ctx = RuleContext(edits=FileEdits("m", Path("m.py")), options=RewriteOptions())
    transformer = MigrationTransformer(ctx, [rule(ctx) for rule in rules])
    return MetadataWrapper(cst.parse_module(source)).visit(transformer).code, ctx


class Awaits(Rule):
    code, name, summary = "T1", "awaits", "awaits every call of f"

    @on_leave(cst.Call)
    def await_f(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if isinstance(original.func, cst.Name) and original.func.value == "f":
            return cst.Await(updated)
        return updated


class SeesTheAwait(Rule):
    code, name, summary = "T2", "sees", "records what an earlier rule made of each call"

    seen: list[str] = []

    @on_leave(cst.Call)
    def record(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        self.seen.append(type(updated).__name__)
        return updated


class Loops(Rule):
    code, name, summary = "T3", "loops", "a for's own fix, then a wrap of every compound"

    order: list[str] = []

    @on_visit(cst.If, cst.While, cst.For)
    def enter(self, node: cst.If | cst.While | cst.For) -> None:
        self.order.append(f"visit {type(node).__name__}")

    @on_leave(cst.If, cst.While, cst.For)
    def wrap(self, original: cst.CSTNode, updated: cst.BaseStatement) -> cst.BaseStatement:
        self.order.append(f"wrap {type(updated).__name__}")
        return updated

    @on_leave(cst.For)
    def fix_for(self, original: cst.For, updated: cst.For) -> cst.For:
        self.order.append("fix For")
        return updated.with_changes(asynchronous=cst.Asynchronous())


def test_a_rule_gets_only_the_nodes_it_registered_for() -> None:
    code, _ = _run("x = f(g(1))\n", Awaits)
    assert code == "x = await f(g(1))\n"


def test_a_later_rule_gets_what_an_earlier_one_made() -> None:
    SeesTheAwait.seen = []
    _run("f(g(1))\n", Awaits, SeesTheAwait)
    assert SeesTheAwait.seen == ["Call", "Await"]  # g(1) left first, then f(...), now awaited


def test_a_handler_for_one_type_runs_before_one_shared_by_several() -> None:
    Loops.order = []
    code, _ = _run("for x in xs:\n    if x:\n        pass\n", Loops)
    assert Loops.order == ["visit For", "visit If", "wrap If", "fix For", "wrap For"]
    assert code.startswith("async for x in xs:")


def test_hooks_are_inherited_from_a_rules_parts() -> None:
    class Both(Awaits, Loops):
        pass

    assert {h.method for h in Both.hooks()} == {"await_f", "enter", "wrap", "fix_for"}


class Splits(Rule):
    code, name, summary = "T4", "splits", "splits a for in two"

    @on_leave(cst.For)
    def split(self, original: cst.For, updated: cst.For) -> cst.FlattenSentinel[cst.BaseStatement]:
        return cst.FlattenSentinel([updated, cst.parse_statement("done()\n")])


def test_a_split_node_still_leaves_for_every_rule_but_only_once() -> None:
    Loops.order = []
    code, _ = _run("for x in xs:\n    pass\n", Splits, Loops)
    # Loops' state stays balanced (it sees the for leave) but cannot undo the split.
    assert Loops.order == ["visit For", "fix For", "wrap For"]
    assert code == "for x in xs:\n    pass\ndone()\n"
