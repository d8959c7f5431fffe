"""Scenario files: the requests replayed against each app version."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Scenario:
    """One request to replay, and the body fields allowed to differ."""

    name: str
    method: str
    path: str
    json: Any = None
    ignore: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``METHOD /path``, as tables show it."""
        return f"{self.method} {self.path}"

    @property
    def safe(self) -> bool:
        """True for methods that change nothing, which the load run may repeat freely."""
        return self.method in ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class ScenarioFile:
    """The scenarios of one file and the response headers allowed to differ.

    ``ignore`` (per scenario) lists JSON body fields as dotted paths, ``*``
    matching any key or list index (``results.*.id``); ``ignore_headers``
    (per file) lists header names, compared case-insensitively.
    """

    scenarios: tuple[Scenario, ...]
    ignore_headers: frozenset[str] = field(default_factory=frozenset)


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message names the file."""


def load_scenarios(path: Path | None = None) -> ScenarioFile:
    """Read a scenario file; ``None`` means the built-in sample app scenarios."""
    if path is None:
        text = resources.files(__package__).joinpath("scenarios/sample_app.json").read_text()
        where = "built-in sample_app.json"
    else:
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ScenarioError(f"{where}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
        scenarios = tuple(
            Scenario(
                name=str(item["name"]),
                method=str(item.get("method", "GET")).upper(),
                path=str(item["path"]),
                json=item.get("json"),
                ignore=tuple(item.get("ignore", ())),
            )
            for item in data["scenarios"]
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ScenarioError(f"{where}: not a valid scenario file: {exc}") from None
    headers = frozenset(h.lower() for h in data.get("ignore_headers", ()))
    return ScenarioFile(scenarios=scenarios, ignore_headers=headers)
