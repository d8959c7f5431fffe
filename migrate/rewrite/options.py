"""Settings of a rewrite run."""

from __future__ import annotations

from dataclasses import dataclass

from ..analyse.gathers.model import DEFAULT_MAX_CONCURRENCY
from .helpers import DEFAULT_MODULE

__all__ = ["DEFAULT_MAX_CONCURRENCY", "RewriteOptions"]


@dataclass(frozen=True)
class RewriteOptions:
    http_module: str = "httpx"  # "httpx2" keeps the same API
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY
    allow_reorder: bool = False
    disabled: frozenset[str] = frozenset()  # rule codes turned off
    # pytest-asyncio's mode in the migrated project: "strict" (its default) marks
    # every async test, "auto" needs no marker. ``migrate apply`` reads it from
    # the project's pytest configuration.
    asyncio_mode: str = "strict"
    # The module, one per top-level package, that holds the helpers migrated
    # code imports (``gather_in_order``, ``AsyncClientPerLoop``).
    helpers_module: str = DEFAULT_MODULE
    # Lines the rewrite writes stay within this length; None: inferred from the
    # project's code. ``migrate apply`` reads it from the project's settings.
    line_length: int | None = None
    # Run the project's formatter ("ruff", "black") on the files that change.
    formatter: str | None = None
    # The stage: "asyncio" (blocking calls -> asyncio, every rule but MIG011) or
    # "quart" (a Flask app with async views -> Quart, MIG011 alone).
    target: str = "asyncio"
    # Write even where the plan leaves a call of a function that became async
    # without await (library code then needs those finished by hand).
    partial: bool = False
