"""Which Python a file needs, when it does not parse with the one running migrate.

A file written for a newer Python fails to parse here with a plain
``invalid syntax``; the user must learn that the file is fine and that
migrate has to run under that Python. Known syntax, by the version that
brought it (knowledge as data): the newest one present names the version.
"""

from __future__ import annotations

import re
import sys

# (version, what, pattern matched against the source text)
NEWER_SYNTAX: tuple[tuple[tuple[int, int], str, re.Pattern[str]], ...] = (
    (
        (3, 10),
        "match statement",
        re.compile(r"^[ \t]*match\b[^=\n]*:[ \t]*(#.*)?\n[ \t]+case\b", re.M),
    ),
    ((3, 11), "except*", re.compile(r"^[ \t]*except[ \t]*\*", re.M)),
    (
        (3, 12),
        "type statement",
        re.compile(r"^[ \t]*type[ \t]+\w+[ \t]*(\[[^\]]*\])?[ \t]*=", re.M),
    ),
    ((3, 12), "type parameters", re.compile(r"^[ \t]*(async[ \t]+)?(def|class)[ \t]+\w+\[", re.M)),
    ((3, 12), "nested f-string quotes", re.compile(r"\bf(['\"])[^'\"\n]*\{[^}\n]*\1[^}\n]*\}")),
    (
        (3, 14),
        "except without brackets",
        # Classes after the comma (``except ValueError, TypeError:``); a variable
        # there is Python 2's ``except Error, e:`` (PYTHON2).
        re.compile(r"^[ \t]*except[ \t]+\w[\w.]*[ \t]*,[ \t]*[\w.]*[A-Z][\w.]*[ \t]*:", re.M),
    ),
    ((3, 14), "template string", re.compile(r"(?<![\w'\"])[tT][rR]?(['\"])[^'\"\n]*\{")),
)


# Python 2 only: ``except Error, e:`` (a lower-case name after the comma) and
# ``print "..."`` on the line that fails; such a file is to be ported to Python 3
# before it is migrated.
PYTHON2 = re.compile(
    r"^[ \t]*(except[ \t]+[\w.()\t ,]+,[ \t]*[a-z_]\w*[ \t]*:|print[ \t]+['\"\w])", re.M
)


def needed_python(text: str) -> tuple[int, int] | None:
    """The newest Python version whose syntax ``text`` uses, if newer than this one."""
    running = sys.version_info[:2]
    versions = [v for v, _, pattern in NEWER_SYNTAX if v > running and pattern.search(text)]
    return max(versions) if versions else None


def syntax_reason(exc: SyntaxError, text: str) -> str:
    """One line for a file that does not parse, naming the Python it needs if we can tell."""
    where = f" (line {exc.lineno})" if exc.lineno else ""
    needed = needed_python(text)
    lines = text.splitlines()
    failing = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
    if needed is None and PYTHON2.match(failing):
        return f"does not parse: Python 2 code{where}; port it to Python 3 first"
    if needed is None:
        return f"does not parse: {exc.msg}{where}"
    running = ".".join(map(str, sys.version_info[:2]))
    version = ".".join(map(str, needed))
    return (
        f"does not parse with Python {running}{where}: it uses Python {version} syntax;"
        f" run migrate with Python {version} or newer"
    )
