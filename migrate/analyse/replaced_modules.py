"""Modules whose ``requests`` a test replaces with a stand-in of its own.

``monkeypatch.setattr(builds, "requests", FakeRequests([...]))`` (or
``mock.patch("ci.builds.requests", new=FakeRequests(...))``): the test answers
the module's ``requests.get(...)`` with plain values, through the name the
module imports. Moved to httpx, the module no longer has that name and the
stand-in answers nothing (the patch raises AttributeError), so the module's
requests calls stay on requests, where it still answers them. A plain mock put
there (``mock.patch("ci.builds.requests")``) is no stand-in: it moves to httpx
with the code (see plan/mock_scope).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from .frameworks import plain_mock
from .model import Function, ModuleFacts


def replaced_requests(
    functions: Iterable[Function], facts: dict[str, ModuleFacts], classes: set[str]
) -> dict[str, str]:
    """Each project module whose ``requests`` a test replaces -> why its calls stay."""
    found: dict[str, str] = {}
    for fn in functions:
        for patch in fn.patches:
            module, _, name = (patch.target or "").rpartition(".")
            owner = facts.get(module)
            if name != "requests" or owner is None or owner.imports.get(name) != "requests":
                continue
            made = (patch.fake or "").removesuffix(".__call__")
            if patch.is_mock or not made or plain_mock(made):
                continue
            stand_in = made.rsplit(".", 1)[-1] if made in classes else "a stand-in of its own"
            where = f"{PurePath(facts[fn.module].path).name}:{patch.span.line}"
            found.setdefault(
                module,
                f"stays on requests: a test puts {stand_in} in place of"
                f" {module.rsplit('.', 1)[-1]}.requests ({where}), which answers its calls",
            )
    return found
