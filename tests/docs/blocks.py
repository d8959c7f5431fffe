"""Fenced code blocks of the docs, with the marker that says how each is checked.

A marker is an HTML comment on the line before the fence (invisible in the
rendered site)::

    <!-- docs: before NAME FILE [-- APPLY ARGS] -->   input of example NAME
    <!-- docs: after NAME FILE -->                    what migrate apply makes of FILE
    <!-- docs: output COMMAND -->                     what COMMAND prints (in the guide's project)
    <!-- docs: cli -->                                shell lines; every `migrate` line parses
    <!-- docs: shell -->                              shell lines run with bash, from the repository
    <!-- docs: scenarios -->                          a compare scenario file
    <!-- docs: generated -->                          a page written by a generator (CLI reference)
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\s*$")
MARKER = re.compile(r"^\s*<!--\s*docs:\s*(?P<spec>.*?)\s*-->\s*$")


@dataclass
class Block:
    """One fenced block: where it is, its language, its text and its marker."""

    page: Path
    index: int  # position among the page's blocks
    line: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence
    lang: str
    text: str
    marker: list[str]

    @property
    def kind(self) -> str:
        return self.marker[0] if self.marker else ""

    @property
    def where(self) -> str:
        return f"{self.page.name}:{self.line}"


def read_blocks(page: Path) -> list[Block]:
    """Every fenced block of a Markdown page, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent = len(opening["indent"])
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        body = [line[indent:] for line in lines[i + 1 : j]]
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        found = MARKER.match(lines[k]) if k >= 0 else None
        marker = shlex.split(found["spec"]) if found else []
        text = "\n".join(body) + "\n"
        blocks.append(Block(page, len(blocks), i + 1, j + 1, opening["lang"], text, marker))
        i = j + 1
    return blocks


def replace_block(block: Block, text: str) -> None:
    """Write ``text`` as the new body of ``block`` (for ``--update-golden``).

    The page is read again: an earlier replacement may have moved the block.
    """
    block = read_blocks(block.page)[block.index]
    lines = block.page.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = re.match(r" *", lines[block.line - 1])
    pad = indent[0] if indent else ""
    body = [(pad + line if line else "") + "\n" for line in text.rstrip("\n").split("\n")]
    lines[block.line : block.end - 1] = body
    block.page.write_text("".join(lines), encoding="utf-8")
