"""Lines the rewrite made too long, wrapped the way black and ruff format would.

Adding ``await``, a bridge or a client's settings lengthens lines. Only the
lines the rewrite changed are touched (a line that stood as it is in the
original file is the project's own business), and only single-line
statements without a comment. The split is black's "right-hand split": at
the last pair of brackets, the content on one indented line if it fits,
else one element per line with a trailing comma, each element split again
if it is still too long.
"""

from __future__ import annotations

import ast
import io
import itertools
import keyword
import tokenize
from dataclasses import dataclass

# Both formatters' default, used when the project sets no line length.
DEFAULT_LINE_LENGTH = 88
INDENT = "    "
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}


@dataclass(frozen=True)
class _Tok:
    type: int
    text: str
    start: int  # column in the line
    end: int


def wrap_changed_lines(new: str, old: str, limit: int) -> str:
    """``new`` with its changed, single-line statements longer than ``limit`` split."""
    lines = new.splitlines(keepends=True)
    if not any(len(line.rstrip("\r\n")) > limit for line in lines):
        return new
    before = set(old.splitlines())
    single = _single_line_statements(new)
    out: list[str] = []
    for number, line in enumerate(lines, 1):
        text = line.rstrip("\r\n")
        ending = line[len(text) :]
        if len(text) <= limit or text in before or number not in single:
            out.append(line)
            continue
        wrapped = _wrap(text, limit) if single[number] else _wrap_elements(text, limit)
        if wrapped is not None and single[number] and not _same_statement(text, wrapped):
            wrapped = None  # this line stays long; the others are still wrapped
        if wrapped is None:
            out.append(line)
            continue
        out.extend(part + (ending or "\n") for part in wrapped)
        if not ending:
            out[-1] = out[-1].rstrip("\r\n")
    result = "".join(out)
    # Only layout may change: never trade a long line for a different program.
    try:
        same = ast.dump(ast.parse(result)) == ast.dump(ast.parse(new))
    except SyntaxError:
        same = False
    return result if same else new


def _same_statement(line: str, wrapped: list[str]) -> bool:
    """Whether a whole statement's lines, wrapped, still parse to the same statement;
    True when the line does not parse on its own (an ``elif``: the whole file is
    checked then)."""
    indent = len(line) - len(line.lstrip())
    body = "\n    pass" if line.rstrip().endswith(":") else ""
    try:
        before = ast.dump(ast.parse(line[indent:] + body))
    except SyntaxError:
        return True
    try:
        after = ast.parse("\n".join(part[indent:] for part in wrapped) + body)
    except SyntaxError:
        return False
    return before == ast.dump(after)


def _single_line_statements(source: str) -> dict[int, bool]:
    """Lines to consider, without a comment: a whole logical line (True), or a
    line of elements inside brackets that open and close on other lines (False)."""
    rows: dict[int, bool] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return rows
    depth = 0
    line_depth: dict[int, tuple[int, int, bool]] = {}  # row -> (depth at start, lowest, spoiled)
    start: int | None = None
    spoiled = False
    for tok in tokens:
        row = tok.start[0]
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            first, lowest, bad = line_depth.get(row, (depth, depth, False))
            bad = bad or tok.type == tokenize.COMMENT or tok.end[0] != row
            if tok.type == tokenize.OP and tok.string in _OPEN:
                depth += 1
            elif tok.type == tokenize.OP and tok.string in _CLOSE:
                depth -= 1
            line_depth[row] = (first, min(lowest, depth), bad)
        if tok.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NL, tokenize.ENCODING):
            continue
        if tok.type == tokenize.COMMENT and start is None:
            continue  # a comment on a line of its own (a TODO above a statement)
        if start is None:
            start, spoiled = tok.start[0], False
        if tok.type == tokenize.COMMENT or tok.end[0] != start or tok.start[0] != start:
            spoiled = True
        if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            if not spoiled and tok.type == tokenize.NEWLINE:
                rows[start] = True
            start = None
    for row, (first, lowest, bad) in line_depth.items():
        if row not in rows and first > 0 and lowest >= first and not bad:
            rows[row] = False
    return rows


def _tokens(code: str) -> list[_Tok] | None:
    # The rest of a split line (``) as c, c.stream(url) as r:``) opens with the
    # bracket that closed it: a space in its place keeps the tokenizer (and the
    # columns) right.
    if code[:1] in _CLOSE:
        code = " " + code[1:]
    try:
        raw = list(tokenize.generate_tokens(io.StringIO(code + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    skip = (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT)
    return [_Tok(t.type, t.string, t.start[1], t.end[1]) for t in raw if t.type not in skip]


def _wrap(line: str, limit: int) -> list[str] | None:
    indent = line[: len(line) - len(line.lstrip())]
    code = line.strip()
    split = None
    for word in ("return ", "yield "):
        elements = _elements(code.removeprefix(word)) if code.startswith(word) else []
        if len(elements) == 2:
            split = _split(indent, code, limit)
        if len(elements) > 1 and split is None and "lambda" not in code:
            # ``return a, b, c``: the tuple in brackets, one element per line, as ruff
            # formats it (two elements split at a bracket of theirs where they can).
            lines = [f"{indent}{word}("]
            for element in elements:
                part = _split(indent + INDENT, element, limit, ",")
                lines.extend(part or [indent + INDENT + element + ","])
            return [*lines, indent + ")"]
    return split or _split(indent, code, limit)


def _wrap_elements(line: str, limit: int) -> list[str] | None:
    """A line of elements inside brackets: one element per line, each split
    again if it is still too long."""
    indent = line[: len(line) - len(line.lstrip())]
    code = line.strip()
    elements = _elements(code)
    if len(elements) == 1:
        return _split(indent, elements[0], limit, "," if code.endswith(",") else "")
    lines: list[str] = []
    for element in elements:
        lines.extend(_split(indent, element, limit, ",") or [indent + element + ","])
    return lines


def _split(indent: str, code: str, limit: int, trailing: str = "") -> list[str] | None:
    """``code`` (plus ``trailing``, a comma) at ``indent`` in lines within ``limit``."""
    if len(indent) + len(code) + len(trailing) <= limit:
        return [indent + code + trailing]
    tokens = _tokens(code)
    if not tokens:
        return None
    pairs = _bracket_pairs(tokens)
    if not pairs:
        return None
    # black's choice: the last brackets whose opening line fits, trying
    # earlier ones in turn (``(await f(x)).json()["a"]`` splits at the first).
    opening, closing = next((p for p in pairs if len(indent) + tokens[p[0]].end <= limit), pairs[0])
    if code.startswith(("def ", "async def ")):
        opening, closing = pairs[-1]  # black splits a ``def`` at its parameters
    head = code[: tokens[opening].end].rstrip()
    body = code[tokens[opening].end : tokens[closing].start].strip()
    tail = code[tokens[closing].start :].strip()
    if not body:
        return None
    inner = indent + INDENT
    elements = _elements(body)
    lines = [indent + head]
    clauses = _clauses(body) if len(elements) == 1 else []
    # A literal (tuple, list, set, dict) that does not fit on its line gets one
    # element per line, as does anything with a trailing comma already.
    explode = body.rstrip().endswith(",") or (
        len(elements) > 1 and not _is_trailer(tokens, opening)
    )
    if not explode and len(inner) + len(body) <= limit:
        lines.append(inner + body)
    elif len(clauses) > 1:
        # A generator or comprehension: one clause per line.
        lines.extend(inner + clause for clause in clauses)
    else:
        # No comma after a lone element split in turn, as black writes it (after a
        # generator it would be a syntax error; in a subscript or bracketed
        # expression it would make a tuple); one already there stays.
        lone = len(elements) == 1 and not body.rstrip().endswith(",")
        comma = "" if lone else ","
        for element in elements:
            split = _split(inner, element, limit, comma)
            lines.extend(split if split is not None else [inner + element + comma])
    # A tail still too long holds brackets of its own (a ``with`` of two calls):
    # split again, as black does.
    rest = _split(indent, tail, limit, trailing) if tail[:1] in _CLOSE else None
    lines.extend(rest or [indent + tail + trailing])
    return lines


def _is_generator(element: str) -> bool:
    depth = 0
    for tok in _tokens(element) or []:
        if tok.type == tokenize.OP and tok.text in _OPEN:
            depth += 1
        elif tok.type == tokenize.OP and tok.text in _CLOSE:
            depth -= 1
        elif depth == 0 and tok.type == tokenize.NAME and tok.text == "for":
            return True
    return False


def _clauses(element: str) -> list[str]:
    """A comprehension's element and its ``for``/``if`` clauses, as written."""
    cuts: list[int] = []
    depth = 0
    previous: _Tok | None = None
    for tok in _tokens(element) or []:
        if tok.type == tokenize.OP and tok.text in _OPEN:
            depth += 1
        elif tok.type == tokenize.OP and tok.text in _CLOSE:
            depth -= 1
        elif depth == 0 and tok.type == tokenize.NAME and tok.text in ("for", "if", "async"):
            after_async = previous is not None and previous.text == "async"
            if not after_async and tok.start > 0:
                cuts.append(tok.start)
        previous = tok
    if not cuts or not _is_generator(element):
        return []
    bounds = [0, *cuts, len(element)]
    return [element[a:b].strip() for a, b in itertools.pairwise(bounds) if element[a:b].strip()]


def _is_trailer(tokens: list[_Tok], opening: int) -> bool:
    """Whether the bracket opens a call's arguments or a subscript (not a literal)."""
    if opening == 0:
        return False
    before = tokens[opening - 1]
    if before.type == tokenize.NAME:
        return not keyword.iskeyword(before.text) or before.text in ("None", "True", "False")
    return before.type == tokenize.STRING or before.text in (")", "]")


def _is_subscript(tokens: list[_Tok], opening: int) -> bool:
    if tokens[opening].text != "[" or opening == 0:
        return False
    before = tokens[opening - 1]
    return before.type in (tokenize.NAME, tokenize.STRING) or before.text in (")", "]")


def _bracket_pairs(tokens: list[_Tok]) -> list[tuple[int, int]]:
    """(opening, closing) indexes of the brackets at depth 0, last first."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for index, tok in enumerate(tokens):
        if tok.type != tokenize.OP:
            continue
        if tok.text in _OPEN:
            stack.append(index)
        elif tok.text in _CLOSE and stack:
            opening = stack.pop()
            if not stack:
                pairs.append((opening, index))
    return pairs[::-1]


def _elements(body: str) -> list[str]:
    """``body`` cut at its top-level commas (a trailing comma dropped); a comprehension
    is one element (``f(x) for a, b in pairs``: its commas are its own)."""
    if _is_generator(body):
        return [body.strip()]
    tokens = _tokens(body) or []
    parts: list[str] = []
    depth = 0
    start = 0
    for tok in tokens:
        if tok.type != tokenize.OP:
            continue
        if tok.text in _OPEN:
            depth += 1
        elif tok.text in _CLOSE:
            depth -= 1
        elif tok.text == "," and depth == 0:
            parts.append(body[start : tok.start].strip())
            start = tok.end
    rest = body[start:].strip()
    if rest:
        parts.append(rest)
    return parts
