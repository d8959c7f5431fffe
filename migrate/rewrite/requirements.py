"""PEP 508 requirements as written: their names, and extras added in place."""

from __future__ import annotations

import re

# PEP 508: a name, optional [extras], then version specifiers, a URL or markers.
REQUIREMENT = re.compile(
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?P<space>[ \t]*)"
    r"(?:\[(?P<extras>[^\]]*)\])?(?P<rest>.*)",
    re.DOTALL,
)


def normalize(name: str) -> str:
    """PEP 503: ``Flask``, ``flask`` and ``FLASK`` are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    """The normalized distribution name of a requirement as written ("" if none)."""
    match = REQUIREMENT.match(spec.strip().strip("\"'"))
    return normalize(match["name"]) if match else ""


def with_extra(spec: str, extra: str) -> str:
    """``spec`` with ``extra`` among its extras; everything else as written.

    ``flask[async]>=3`` stays; ``Flask[x]>=3 ; python_version>'3.8'`` becomes
    ``Flask[async,x]>=3 ; python_version>'3.8'``.
    """
    match = REQUIREMENT.match(spec)
    if match is None:
        return spec
    extras = [e.strip() for e in (match["extras"] or "").split(",") if e.strip()]
    if extra in (normalize(e) for e in extras):
        return spec
    inside = ",".join([extra, *extras])
    if match["extras"] is None:  # the space belonged to what follows: ``flask @ url``
        return f"{match['name']}[{inside}]{match['space']}{match['rest']}"
    return f"{match['name']}{match['space']}[{inside}]{match['rest']}"
