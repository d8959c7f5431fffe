"""Checks on rewritten code before and after it is written."""

from __future__ import annotations

import io
import tokenize


def source_encoding(data: bytes) -> str:
    """The encoding Python would use for ``data`` (PEP 263, BOM)."""
    try:
        return tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError:
        return "utf-8"


def parse_error(data: bytes) -> str | None:
    """None when ``data`` is valid Python, else a one-line reason."""
    try:
        text = data.decode(source_encoding(data))
        # compile, not just parse: it also rejects ``await`` outside async code.
        compile(text.removeprefix("\ufeff"), "<rewritten>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"{exc.msg} (line {exc.lineno})"
    except (UnicodeDecodeError, ValueError) as exc:
        return str(exc)
    return None
