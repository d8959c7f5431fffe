"""What a rule sees while the file is rewritten, and what it can ask for."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .edits import FileEdits, Pos
from .options import RewriteOptions


@dataclass
class Note:
    """A line for the summary: what was done, or left as a TODO, and where."""

    code: str
    line: int
    message: str
    todo: bool = False


@dataclass
class RuleContext:
    edits: FileEdits
    options: RewriteOptions
    positions: dict[cst.CSTNode, object] = field(default_factory=dict)
    imports: set[tuple[str, str | None, str | None]] = field(default_factory=set)
    removable_imports: set[tuple[str, str | None]] = field(default_factory=set)
    todos: dict[int, list[str]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    # The stack of function/class names, to build qualified names.
    scope: list[str] = field(default_factory=list)
    # Are we inside a function that is (or becomes) async?
    async_stack: list[bool] = field(default_factory=list)
    # Names that are not references to a value: attributes, keywords,
    # parameters, definitions, imported names (ids of the original nodes).
    non_references: set[int] = field(default_factory=set)

    def pos(self, node: cst.CSTNode) -> Pos | None:
        """(start line, start column, end line, end column) of an original node."""
        range_ = self.positions.get(node)
        if range_ is None:
            return None
        start, end = range_.start, range_.end  # type: ignore[attr-defined]
        return start.line, start.column, end.line, end.column

    def line(self, node: cst.CSTNode) -> int:
        pos = self.pos(node)
        return pos[0] if pos else 0

    @property
    def qualname(self) -> str:
        return ".".join([self.edits.module, *self.scope])

    @property
    def in_async(self) -> bool:
        return bool(self.async_stack) and self.async_stack[-1]

    def add_import(self, module: str, obj: str | None = None, asname: str | None = None) -> None:
        self.imports.add((module, obj, asname))

    def maybe_remove_import(self, module: str, obj: str | None = None) -> None:
        """Drop ``import module`` (or ``from module import obj``) if nothing uses it now."""
        self.removable_imports.add((module, obj))

    def todo(self, line: int, code: str, message: str) -> None:
        """A ``# TODO(migrate): ...`` comment above the statement at ``line``."""
        text = f"{code}: {message}"
        if text not in self.todos.setdefault(line, []):
            self.todos[line].append(text)
            self.notes.append(Note(code, line, message, todo=True))

    def note(self, code: str, line: int, message: str) -> None:
        self.notes.append(Note(code, line, message))
