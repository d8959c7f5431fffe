"""What a rule sees while the file is rewritten, and what it can ask for."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import libcst as cst

from ..plan.edits import FileEdits, Pos
from .helpers import DEFAULT_MODULE
from .options import RewriteOptions

Node = TypeVar("Node", bound=cst.CSTNode)
S = TypeVar("S", cst.SimpleStatementLine, cst.BaseCompoundStatement)


@dataclass
class Note:
    """A line for the summary: what was done, or left as a TODO, and where."""

    code: str
    line: int
    message: str
    todo: bool = False
    detail: str = ""  # the longer why, for the summary (never in the code)


# A TODO comment stays short (under 100 characters with its prefix); what
# does not fit goes to the summary.
TODO_MESSAGE_LIMIT = 72


TODO_PREFIX = "# TODO(migrate "
# What starts a TODO's next line when it runs past the project's line length:
# indented under its text, so the lines read as one TODO.
TODO_CONTINUED = "#   "


def todo_comment(code: str, message: str) -> str:
    """The comment a TODO becomes: ``# TODO(migrate MIG001): message``."""
    return f"{TODO_PREFIX}{code}): {message}"


def wrap_todos(code: str, old: str, limit: int) -> str:
    """``code`` with each TODO the rewrite wrote past ``limit`` columns continued
    on comment lines below it, at its indentation; its rule code stays on the
    first line. A line the input had as it is is left alone."""
    before = set(old.splitlines())
    out: list[str] = []
    for line in code.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        comment = text.lstrip()
        if len(text) <= limit or not comment.startswith(TODO_PREFIX) or text in before:
            out.append(line)
            continue
        indent, ending = text[: len(text) - len(comment)], line[len(text) :] or "\n"
        parts = _todo_lines(comment, limit - len(indent))
        out.extend(f"{indent}{part}{ending}" for part in parts)
    return "".join(out)


def _todo_lines(comment: str, room: int) -> list[str]:
    """A TODO comment as lines of at most ``room`` columns where its words allow:
    the first ends at a clause (``;``, ``:``, ``,``) when one ends past half of
    it, the others are filled word by word."""
    head, _, message = comment.partition("): ")
    cut = _clause_end(message, room - len(head) - 3)
    lines = [f"{head}): {message[:cut]}" if cut else f"{head}):"]
    fresh = bool(cut)  # the clause ends the first line
    for unit in _todo_units(message[cut:], room - len(TODO_CONTINUED)):
        if not fresh and len(lines[-1]) + 1 + len(unit) <= room:
            lines[-1] += f" {unit}"
        else:
            lines.append(f"{TODO_CONTINUED}{unit}")
        fresh = False
    return lines


def _clause_end(message: str, room: int) -> int:
    """Where the last clause of ``message`` that fits in ``room`` ends (outside
    brackets and `code`), if past half of it; else 0."""
    best = 0
    for index, char in enumerate(message[:room]):
        head = message[: index + 1]
        closed = head.count("(") == head.count(")") and head.count("`") % 2 == 0
        if char in ";:," and message[index + 1 : index + 2] == " " and closed:
            best = index + 1
    return best if best >= room // 2 else 0


def _todo_units(message: str, room: int) -> list[str]:
    """The words of ``message``, those of a bracket or of `code` kept together
    (``(301, 308)``, ```await client.aclose()```) where they fit in ``room``."""
    units: list[str] = []
    for word in message.split():
        last = units[-1] if units else ""
        unclosed = last.count("(") > last.count(")") or last.count("`") % 2
        if unclosed and len(last) + 1 + len(word) <= room:
            units[-1] += f" {word}"
        else:
            units.append(word)
    return units


def todo_texts(comments: Iterable[str]) -> list[str]:
    """The TODOs among a statement's leading ``comments`` (``Comment.value``), each
    with its continuation lines joined: as ``todo_comment`` made it."""
    texts: list[str] = []
    continued = False
    for comment in comments:
        if comment.startswith(TODO_PREFIX):
            texts.append(comment)
            continued = True
        elif continued and comment.startswith(TODO_CONTINUED):
            texts[-1] += " " + comment[len(TODO_CONTINUED) :].strip()
        else:
            continued = False
    return texts


def short_todo(message: str) -> tuple[str, str]:
    """``message`` cut to fit a TODO comment, at a clause if it can: (short, rest)."""
    if len(message) <= TODO_MESSAGE_LIMIT:
        return message, ""
    for separator in ("; ", ": ", " ("):
        head, sep, _ = message[:TODO_MESSAGE_LIMIT].rpartition(separator)
        if sep and len(head) >= 20:
            cut = len(head) + (0 if separator == " (" else len(sep))
            return head, message[cut:].strip()
    head = message[: TODO_MESSAGE_LIMIT - 3].rsplit(" ", 1)[0]
    return f"{head}...", message


@dataclass
class RuleContext:
    """One file's rewrite: the plan's edits for it, and what rules note on the way."""

    edits: FileEdits
    options: RewriteOptions
    # What follows ``from`` when the file imports a helper (``.._async_helpers``).
    helpers_from: str = DEFAULT_MODULE
    # The same module by its bare name, for a file also run as a script (see helpers_home).
    helpers_script_from: str | None = None
    # The project's own top-level packages: their imports are a section of their own.
    first_party: frozenset[str] = frozenset()
    positions: dict[cst.CSTNode, object] = field(default_factory=dict)
    imports: set[tuple[str, str | None, str | None]] = field(default_factory=set)
    removable_imports: set[tuple[str, str | None]] = field(default_factory=set)
    # Names whose import goes if nothing uses them now, whatever module it is from.
    removable_bindings: set[str] = field(default_factory=set)
    todos: dict[int, list[str]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    # The stack of function/class names, to build qualified names.
    scope: list[str] = field(default_factory=list)
    # Are we inside a function that is (or becomes) async?
    async_stack: list[bool] = field(default_factory=list)
    # Names that are not references to a value: attributes, keywords,
    # parameters, definitions, imported names (ids of the original nodes).
    non_references: set[int] = field(default_factory=set)
    # Helpers the file imports from its package's helpers module.
    helpers: set[str] = field(default_factory=set)
    # One-off clients of calls that move into a gather (by the call's position):
    # the gather opens one ``async with`` around itself instead of one per call.
    fan_out_clients: dict[Pos, cst.WithItem] = field(default_factory=dict)
    # ``(not x)`` the rules made: brackets that go where they are not needed.
    negations: set[int] = field(default_factory=set)
    # ``with`` items that became async context managers: by the original
    # item's position, or (items a rule added) by the new item's id.
    async_items: set[Pos] = field(default_factory=set)
    added_async_items: set[int] = field(default_factory=set)
    # Input lines of rewritten statements, by the new node's id: notes about a
    # statement a rule gets as an earlier rule left it still name its line.
    input_lines: dict[int, tuple[cst.CSTNode, int]] = field(default_factory=dict)

    def pos(self, node: cst.CSTNode) -> Pos | None:
        """(start line, start column, end line, end column) of an original node."""
        range_ = self.positions.get(node)
        if range_ is None:
            return None
        start, end = range_.start, range_.end  # type: ignore[attr-defined]
        return start.line, start.column, end.line, end.column

    def entered(self, item: cst.WithItem) -> cst.BaseExpression:
        """What an (original) ``with`` item enters: ``x`` of a ``closing(x)`` that goes."""
        expr = item.item
        if isinstance(expr, cst.Call) and self.pos(expr) in self.edits.unwrapped_closings:
            return expr.args[0].value
        return expr

    def entered_async(self, item: cst.WithItem) -> None:
        """Note that the (original) ``item`` of a ``with`` is now an async context manager."""
        pos = self.pos(item.item)
        if pos is not None:
            self.async_items.add(pos)

    def line(self, node: cst.CSTNode) -> int:
        """The line ``node`` starts on in the input (a statement also once
        rewritten); 0 for a node the rules made."""
        pos = self.pos(node)
        if pos:
            return pos[0]
        kept = self.input_lines.get(id(node))
        return kept[1] if kept and kept[0] is node else 0

    def carry_line(self, old: Node, new: Node) -> Node:
        """``new``, a rule's rewrite of the statement ``old``, on ``old``'s input line."""
        line = self.line(old)
        if line and new is not old:
            self.input_lines[id(new)] = (new, line)
        return new

    @property
    def qualname(self) -> str:
        return ".".join([self.edits.module, *self.scope])

    @property
    def in_async(self) -> bool:
        return bool(self.async_stack) and self.async_stack[-1]

    def add_import(self, module: str, obj: str | None = None, asname: str | None = None) -> None:
        self.imports.add((module, obj, asname))

    def negation(self, expr: cst.BaseExpression) -> cst.UnaryOperation:
        """``(not expr)``: bracketed, since it may stand where ``not`` cannot
        (``x == (not y)``); the brackets go again in a test, an argument, a
        boolean operation, and ``not (not y)`` is ``y``."""
        node = cst.UnaryOperation(
            operator=cst.Not(), expression=expr, lpar=[cst.LeftParen()], rpar=[cst.RightParen()]
        )
        self.negations.add(id(node))
        return node

    def use_helper(self, name: str) -> str:
        """Import ``name`` from the package's helpers module; the name to use."""
        self.helpers.add(name)
        self.add_import(self.helpers_from, name)
        return name

    def maybe_remove_import(self, module: str, obj: str | None = None) -> None:
        """Drop ``import module`` (or ``from module import obj``) if nothing uses it now."""
        self.removable_imports.add((module, obj))

    def maybe_remove_binding(self, name: str) -> None:
        """Drop the import that binds ``name`` if nothing uses it now."""
        self.removable_bindings.add(name)

    def todo(self, line: int, code: str, message: str, detail: str = "") -> None:
        """A ``# TODO(migrate MIG001): ...`` comment above the statement at ``line``.

        The comment says what to do in a few words; ``detail`` (why, and how)
        goes to the summary only.
        """
        message, rest = short_todo(message)
        text = todo_comment(code, message)
        if text not in self.todos.setdefault(line, []):
            self.todos[line].append(text)
            detail = " ".join(part for part in (rest, detail) if part)
            self.notes.append(Note(code, line, message, todo=True, detail=detail))

    def note(self, code: str, line: int, message: str) -> None:
        self.notes.append(Note(code, line, message))
