"""setup.cfg's and tox.ini's requirements: one per line under a key (see dependencies)."""

from __future__ import annotations

import re

from ..requirements import requirement_name
from .dependencies import (
    TEST_EXTRAS,
    Needs,
    _add_settings,
    _edit_spec,
    _missing,
    edit_ini,
    section,
)


def _edit_ini_list(text: str, header: str, key: str, needs: Needs, testing: bool) -> str:
    """``key =`` in ``[header]``: a value on the same line and/or indented lines after."""
    span = section(text, header)
    if span is None:
        return text
    body = text[span[0] : span[1]]
    match = re.search(rf"^{re.escape(key)}[ \t]*=[ \t]*(.*)$", body, re.MULTILINE)
    if match is None:
        return text
    lines = body[match.end() :].splitlines(keepends=True)
    # The first element is the end of the ``key =`` line itself.
    value_lines = [match[1]] if match[1].strip() else []
    taken = 1
    for line in lines[1:]:
        if line.strip() and not line[0].isspace():
            break
        taken += 1
    block = lines[1:taken]
    # Trailing blank lines belong to the next key, not the list.
    while block and not block[-1].strip():
        block.pop()
    present: set[str] = set()
    kept: list[str] = []
    for line in block:
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";", "-")):
            kept.append(line)
            continue
        present.add(requirement_name(stripped))
        edited = _edit_spec(stripped, needs, testing)
        if edited is None:
            continue
        kept.append(line.replace(stripped, edited, 1))
    for item in value_lines:
        present.add(requirement_name(item))
    missing = _missing(present, needs, testing)
    if not block and value_lines and missing:
        # ``install_requires = requests``: one requirement per line from here on.
        line_start = span[0] + match.start()
        line_end = span[0] + match.end()
        newline = "\r\n" if "\r\n" in body else "\n"
        given = [v.strip() for v in match[1].split(";") if v.strip()]
        specs = [e for v in given if (e := _edit_spec(v, needs, testing)) is not None]
        listed = "".join(f"    {spec}{newline}" for spec in [*specs, *missing])
        rest = text[line_end:].removeprefix(newline)
        return f"{text[:line_start]}{key} ={newline}{listed}{rest}"
    if not block and value_lines:
        return text  # a one-line value with nothing to add: left as written
    indent = next((ln[: len(ln) - len(ln.lstrip())] for ln in block if ln.strip()), "    ")
    newline = "\r\n" if "\r\n" in body else "\n"
    kept += [f"{indent}{spec}{newline}" for spec in missing]
    old_len = sum(len(ln) for ln in block)
    start = span[0] + match.end() + len(lines[0]) if lines else span[0] + match.end()
    return text[:start] + "".join(kept) + text[start + old_len :]


def edit_setup_cfg(text: str, needs: Needs, configures_pytest: bool = True) -> str:
    """``setup.cfg``'s requirements and pytest settings; where nothing else holds
    pytest's (``configures_pytest`` False, no pyproject.toml), a ``[tool:pytest]``
    section here, as :func:`edit_pyproject` makes one."""
    text = _edit_ini_list(text, "options", "install_requires", needs, testing=False)
    for extra in TEST_EXTRAS:
        edited = _edit_ini_list(text, "options.extras_require", extra, needs, testing=True)
        if edited != text:
            text = edited
            break
    if needs.async_tests and not configures_pytest and section(text, "tool:pytest") is None:
        newline = "\r\n" if "\r\n" in text else "\n"
        text = text.rstrip("\r\n") + f"{newline}{newline}[tool:pytest]"
        return _add_settings(text, (len(text), len(text)), needs, toml=False) + newline
    return edit_ini(text, needs, ("tool:pytest",))


def edit_tox(text: str, needs: Needs) -> str:
    text = _edit_ini_list(text, "testenv", "deps", needs, testing=True)
    return edit_ini(text, needs, ("pytest",))
