"""Continuation lines kept against the bracket they were aligned with.

PEP 8's visual indent lines a statement's continuation lines up with the first
thing after an opening bracket::

    def request(self, url, method='GET',
                headers=None):

The rewrite lengthens the line the bracket is on (``async def``, ``await``, a
bridge around the callee), which moves the bracket to the right and leaves the
lines below it where they were. Each continuation line the original file
placed at or right of the first thing after its innermost bracket, on that
bracket's line, is moved by as much as that bracket moved, so it keeps its
place against it. Lines inside a string, hanging indents (a bracket ending its
line) and lines placed otherwise stay as they are.
"""

from __future__ import annotations

import ast
import difflib
import io
import tokenize
from dataclasses import dataclass

_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
# How alike a changed line and an old one must be to be taken for it.
_LIKE = 0.6
_LAYOUT = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)


@dataclass
class _Bracket:
    row: int
    char: str
    # Column of the first token after the bracket on the same row; None for a
    # hanging indent (nothing but a comment follows it there).
    visual: int | None = None


def realign_continuations(new: str, old: str) -> str:
    """``new`` with its visually indented continuation lines moved with their
    brackets, as they stood against them in ``old``."""
    if new == old:
        return new
    new_brackets = _line_brackets(new)
    old_brackets = _line_brackets(old)
    if not new_brackets or not old_brackets:
        return new
    new_lines, old_lines = _lines(new), _lines(old)
    same = _same_lines(old_lines, new_lines)
    moved: dict[int, int] = {}  # row in new -> columns its text moved
    for row, bracket in sorted(new_brackets.items()):
        old_row = same.get(row)
        was = old_brackets.get(old_row) if old_row is not None else None
        if was is None or was.visual is None or bracket.visual is None:
            continue
        assert old_row is not None
        placed_line = _indent(old_lines[old_row - 1])
        if was.char != bracket.char or "\t" in placed_line:
            continue
        placed = len(placed_line)
        if placed < was.visual:
            continue  # not lined up against the bracket
        line = new_lines[row - 1]
        current = len(_indent(line))
        target = bracket.visual + moved.get(bracket.row, 0) + placed - was.visual
        if target != current:
            new_lines[row - 1] = " " * target + line.lstrip(" ")
            moved[row] = target - current
    if not moved:
        return new
    result = "".join(new_lines)
    # Only layout may change: never trade a misaligned line for a different program.
    try:
        same_program = ast.dump(ast.parse(result)) == ast.dump(ast.parse(new))
    except SyntaxError:
        return new
    return result if same_program else new


def _same_lines(old_lines: list[str], new_lines: list[str]) -> dict[int, int]:
    """Row in new -> row in old: lines left as they were, and lines the rewrite
    changed (``await`` added): line for line where it wrote as many as it
    changed, else each with the next old line like it."""
    same: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and old_end - old_start == new_end - new_start):
            for offset in range(old_end - old_start):
                same[new_start + offset + 1] = old_start + offset + 1
        elif tag == "replace":
            next_old = old_start
            for new_row in range(new_start, new_end):
                for old_row in range(next_old, old_end):
                    pair = difflib.SequenceMatcher(
                        None, old_lines[old_row].strip(), new_lines[new_row].strip()
                    )
                    if pair.ratio() >= _LIKE:
                        same[new_row + 1] = old_row + 1
                        next_old = old_row + 1
                        break
    return same


def _lines(source: str) -> list[str]:
    # As the tokenizer counts rows: at newlines only (``str.splitlines`` also
    # splits at a form feed or a Unicode line separator inside a string).
    return io.StringIO(source).readlines()


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _line_brackets(source: str) -> dict[int, _Bracket]:
    """For each line whose first token starts it inside brackets, the innermost
    bracket open there; lines starting inside a string are left out."""
    found: dict[int, _Bracket] = {}
    stack: list[_Bracket] = []
    pending: _Bracket | None = None
    first_rows: set[int] = set()
    lines = _lines(source)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    for tok in tokens:
        if tok.type in _LAYOUT or tok.type == tokenize.ENDMARKER:
            continue
        row, col = tok.start
        if pending is not None and tok.type != tokenize.COMMENT:
            pending.visual = col if row == pending.row else None
            pending = None
        if row not in first_rows:
            first_rows.add(row)
            text = lines[row - 1] if row <= len(lines) else ""
            if stack and col == len(_indent(text)):
                found[row] = stack[-1]
        if tok.type == tokenize.OP and tok.string in _OPEN:
            stack.append(_Bracket(row, tok.string))
            pending = stack[-1]
        elif tok.type == tokenize.OP and tok.string in _CLOSE and stack:
            stack.pop()
    return found
