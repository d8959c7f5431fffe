"""The plan: frozen dataclasses with a stable JSON form (schema ``migrate-plan/1``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "migrate-plan/1"


@dataclass(frozen=True)
class Where:
    path: str
    line: int
    col: int = 0


@dataclass(frozen=True)
class ChainLink:
    """One step of a reason chain: ``function`` (at ``where``) calls ``calls``."""

    function: str
    calls: str
    where: Where


@dataclass(frozen=True)
class Conversion:
    """A function that becomes ``async def``."""

    function: str
    where: Where
    # function, method, flask-view, flask-handler, decorator-wrapper, generator, pytest-test...
    kind: str
    reason: str  # one sentence
    chain: tuple[ChainLink, ...]
    http_methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class BlockingSite:
    """A catalogue call found in the project."""

    function: str
    where: Where
    name: str
    family: str
    code: str
    action: str
    replacement: str


@dataclass(frozen=True)
class BridgeSite:
    function: str
    where: Where
    callee: str
    kind: str  # async_to_sync, asyncio.run, sync_to_async
    why: str
    thread_sensitive: bool = False
    is_reference: bool = False


@dataclass(frozen=True)
class ConcurrencySpot:
    function: str
    where: Where
    kind: str
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False
    expected_gain: str = ""
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReviewItem:
    function: str
    where: Where
    reason: str


@dataclass(frozen=True)
class StepItem:
    """One step of a gradual migration: a command that keeps the app runnable."""

    number: int
    modules: tuple[str, ...]
    functions: tuple[str, ...]
    command: str
    why: str


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """What ``migrate apply`` will do to the project, and what it will not."""

    roots: tuple[str, ...]
    files_total: int
    files_analysed: int
    conversions: tuple[Conversion, ...]
    blocking_calls: tuple[BlockingSite, ...]
    bridges: tuple[BridgeSite, ...]
    concurrency: tuple[ConcurrencySpot, ...]
    needs_review: tuple[ReviewItem, ...]
    failures: tuple[Failure, ...]
    options: dict[str, Any] = field(default_factory=dict)
    steps: tuple[StepItem, ...] = ()
    # Files the rewrite touches for reasons the lists above don't show (an
    # except clause mapped to httpx, a test's mocks, a gather, an unwound bridge).
    edited_files: tuple[str, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": self.files_total,
            "files_analysed": self.files_analysed,
            "files_to_change": len(self.files_to_change),
            "functions_to_convert": len(self.conversions),
            "blocking_calls": len(self.blocking_calls),
            "bridges": len(self.bridges),
            "concurrency_spots": sum(1 for s in self.concurrency if s.safe),
            "kept_sequential": sum(1 for s in self.concurrency if not s.safe),
            "needs_review": len(self.needs_review),
            "failures": len(self.failures),
        }

    @property
    def files_to_change(self) -> tuple[str, ...]:
        """Every Python file ``migrate apply`` will rewrite (see ``edited_files``)."""
        paths = {c.where.path for c in self.conversions}
        paths |= {b.where.path for b in self.bridges}
        paths |= set(self.edited_files)
        return tuple(sorted(paths))

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (docs/plan-schema.md)."""
        data = {
            "schema": SCHEMA,
            "roots": list(self.roots),
            "options": self.options,
            "summary": self.summary,
            "files_to_change": list(self.files_to_change),
            "conversions": [asdict(c) for c in self.conversions],
            "blocking_calls": [asdict(b) for b in self.blocking_calls],
            "bridges": [asdict(b) for b in self.bridges],
            "concurrency": [asdict(s) for s in self.concurrency],
            "needs_review": [asdict(r) for r in self.needs_review],
            "failures": [asdict(f) for f in self.failures],
        }
        if self.steps:
            data["steps"] = [asdict(s) for s in self.steps]
        return data
