"""Recorded HTTP cassettes (vcrpy, pytest-recording) the migrated tests replay
through httpx.

vcrpy records what requests hands it: a body urllib3 has already decoded,
beside the ``Content-Encoding: gzip`` header it came with. Replayed through
requests, the header is never acted on; replayed through httpx, whose stubs
build a response from the cassette, the body is decoded again and fails
(``httpx.DecodingError: incorrect header check``). So once the code sends
through httpx, a cassette's responses whose body is stored as text lose that
header, which no longer describes them; a body stored as bytes
(``!!binary``) is left as it is, as is every other line. Both libraries
replay the edited cassette alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..read.sources import DEFAULT_EXCLUDES, is_excluded, root_dirs
from .context import Note
from .engine import FileResult

CODE = "MIG008"
SUFFIXES = (".yaml", ".yml")
# A header of an interaction's response, with its values, as vcrpy writes it.
_ENCODING = re.compile(
    r"^(?P<indent>[ \t]+)content-encoding:[ \t]*\n(?:(?P=indent)- .*\n)+", re.I | re.M
)
_RESPONSE = re.compile(r"^  response:[ \t]*$", re.M)
_INTERACTION = re.compile(r"^- request:[ \t]*$", re.M)


def cassette_results(roots: Iterable[Path]) -> list[FileResult]:
    """The vcrpy cassettes under ``roots`` with decoded bodies still marked
    encoded, edited."""
    out = []
    for path in _cassettes(roots):
        try:
            old = path.read_bytes()
            text = old.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not ours to fix: a recording no one can read is left as it is
        new = decoded_cassette(text)
        if new != text:
            result = FileResult(path, path.name, old, new=new.encode("utf-8"))
            result.notes = [
                Note(CODE, 1, f"{path.name}: Content-Encoding dropped from decoded bodies")
            ]
            out.append(result)
    return out


def decoded_cassette(text: str) -> str:
    """``text`` without the Content-Encoding of each response stored as text."""
    if not text.startswith("interactions:"):
        return text
    starts = [m.start() for m in _INTERACTION.finditer(text)]
    if not starts:
        return text
    pieces = [text[: starts[0]]]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        pieces.append(_interaction(text[start:end]))
    return "".join(pieces)


def _interaction(chunk: str) -> str:
    response = _RESPONSE.search(chunk)
    if response is None:
        return chunk
    head, answer = chunk[: response.end()], chunk[response.end() :]
    if re.search(r"^\s+string:\s*!!binary", answer, re.M):
        return chunk
    return head + _ENCODING.sub("", answer)


def _cassettes(roots: Iterable[Path]) -> Iterator[Path]:
    """The YAML files under ``roots`` vcrpy wrote, outside the folders never the
    user's (a virtualenv, .git, build output); links are not followed."""
    for start in root_dirs(roots):
        for dirpath, dirnames, filenames in os.walk(start):
            here = Path(dirpath)
            dirnames[:] = sorted(
                d for d in dirnames if not is_excluded(here / d, start, DEFAULT_EXCLUDES)
            )
            for name in sorted(filenames):
                path = here / name
                if path.suffix in SUFFIXES and not path.is_symlink() and _looks_recorded(path):
                    yield path


def _looks_recorded(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(13) == b"interactions:"
    except OSError:
        return False
